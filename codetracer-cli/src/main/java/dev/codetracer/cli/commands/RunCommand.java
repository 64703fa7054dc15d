package dev.codetracer.cli.commands;

import dev.codetracer.cli.RecordingArgument;
import dev.codetracer.cli.console.TerminalProgress;
import dev.codetracer.core.archive.ImportResult;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.RecordingFolder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code codetracer run ID|FOLDER|ZIP}: find the recording in the index (by id, by folder, or by
 * program, args and start time), import it first when it is unknown, then open it.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Open a recording. An unknown folder or zip is imported first (a zip next to itself, as `import` does)."
    })
public final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ID|FOLDER|ZIP", description = "The recording: an id (prefix), its folder, or a zip.")
  String recording;

  @Override
  public Integer call() {
    LocalRecordings recordings = LocalRecordings.fromEnvironment();
    ImportResult result =
        new RecordingArgument(recording).resolveOrImport(recordings, TerminalProgress.forTerminal("Importing " + recording));
    if (!result.alreadyIndexed()) {
      System.err.println("imported recording " + result.recording().recordingId() + " into " + result.recording().folder());
    }
    RecordingFolder folder = RecordingFolder.open(result.recording().folder());
    System.out.println("recording " + result.recording().recordingId() + " (" + folder.backend() + ") at " + folder.path());
    System.out.println("no viewer is available in this version yet; open the folder above with CodeTracer");
    return 0;
  }
}
