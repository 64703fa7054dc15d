package dev.codetracer.cli.commands;

import dev.codetracer.cli.RecordingArgument;
import dev.codetracer.cli.console.HumanSizes;
import dev.codetracer.cli.console.TerminalProgress;
import dev.codetracer.core.archive.RecordingExporter;
import dev.codetracer.core.index.IndexedRecording;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.RecordingFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codetracer export ID|FOLDER -o ZIP}: write a recording to a zip to share or keep. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export a recording as a zip archive, to send it to someone or keep it as a CI artifact.")
public final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ID|FOLDER", description = "The recording: an id (prefix) or its folder.")
  String recording;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "ZIP",
      description = "The zip to write (default: <recording folder name>.zip in the current folder).")
  Path output;

  @Option(names = "--force", description = "Overwrite ZIP when it exists.")
  boolean force;

  @Override
  public Integer call() {
    LocalRecordings recordings = LocalRecordings.fromEnvironment();
    RecordingFolder folder = new RecordingArgument(recording).openFolder(recordings);
    String indexedId = recordings.findSame(folder).map(IndexedRecording::recordingId).orElse(null);
    Path zip = output != null ? output : Path.of(folder.path().getFileName() + ".zip");
    long size =
        new RecordingExporter(TerminalProgress.forTerminal("Exporting")).export(folder.path(), zip, force, indexedId);
    System.out.println("exported " + folder.path() + " to " + zip.toAbsolutePath().normalize() + " (" + HumanSizes.format(size) + ")");
    return 0;
  }
}
