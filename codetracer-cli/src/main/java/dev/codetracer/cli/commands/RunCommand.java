package dev.codetracer.cli.commands;

import dev.codetracer.cli.RecordingArgument;
import dev.codetracer.cli.console.TerminalProgress;
import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.ImportResult;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.record.ProgramEnvironment;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.viewer.server.ServerOptions;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code codetracer run ID|FOLDER|ZIP}: find the recording in the index (by id, by folder, or by
 * program, args and start time), import it first when it is unknown, then open it with the best
 * viewer here: CodeTracer ({@code ct}), {@code rr replay}, or the web viewer.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Open a recording. An unknown folder or zip is imported first (a zip next to itself, as `import` does).",
      "Opens it with CodeTracer when `ct` is installed, with `rr replay` for an rr recording where rr can replay,"
          + " and otherwise in the browser (`codetracer host --open`)."
    })
public final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ID|FOLDER|ZIP", description = "The recording: an id (prefix), its folder, or a zip.")
  String recording;

  @Override
  public Integer call() throws InterruptedException {
    LocalRecordings recordings = LocalRecordings.fromEnvironment();
    ImportResult result =
        new RecordingArgument(recording).resolveOrImport(recordings, TerminalProgress.forTerminal("Importing " + recording));
    if (!result.alreadyIndexed()) {
      System.err.println("imported recording " + result.recording().recordingId() + " into " + result.recording().folder());
    }
    RecordingFolder folder = RecordingFolder.open(result.recording().folder());
    System.out.println("recording " + result.recording().recordingId() + " (" + folder.backend() + ") at " + folder.path());
    BestViewer.Choice choice = BestViewer.ofThisMachine().choose(folder);
    if (choice.isWebViewer()) {
      System.out.println("opening it in the web viewer: " + choice.reason());
      HostCommand.serveUntilStopped(folder, ServerOptions.loopback(0), true);
      return 0;
    }
    System.out.println("opening it with " + String.join(" ", choice.command()) + ": " + choice.reason());
    return runInTerminal(choice);
  }

  private static int runInTerminal(BestViewer.Choice choice) throws InterruptedException {
    try {
      ProcessBuilder viewer = new ProcessBuilder(choice.command()).inheritIO();
      ProgramEnvironment.restoreJvmOptions(viewer.environment());
      return viewer.start().waitFor();
    } catch (IOException e) {
      throw new CodeTracerException("cannot start " + choice.command().get(0) + ": " + e.getMessage(), e);
    }
  }
}
