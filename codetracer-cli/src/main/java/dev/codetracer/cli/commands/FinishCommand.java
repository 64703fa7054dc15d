package dev.codetracer.cli.commands;

import dev.codetracer.cli.console.RecordingSummary;
import dev.codetracer.cli.console.ShellWords;
import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.ImportResult;
import dev.codetracer.core.archive.RecordingExporter;
import dev.codetracer.core.archive.RecordingImporter;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.jvm.UnfinishedRecording;
import dev.codetracer.core.record.ExportFolder;
import dev.codetracer.core.record.RecordingPublisher;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code codetracer finish [FOLDER]}: finish a JVM recording whose {@code codetracer record} was
 * killed before it finished it ({@link UnfinishedRecording}), and add it to the index.
 */
@Command(
    name = "finish",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Finish a recording whose `codetracer record` was killed before it finished it.",
      "Such a folder (record killed by SIGKILL or a CI job's timeout) holds the JVM recorder's change log"
          + " (trace.raw) and no trace_metadata.json.",
      "Writes what record would have (event stream, source/, function_index.json, trace_metadata.json, which then"
          + " says finished_later) and adds the recording to the local index. A folder that is still being recorded"
          + " (its codetracer record or its program still runs) is left alone."
    },
    footer = {
      "",
      "Without FOLDER, finishes every unfinished recording in the data directory.",
      "",
      "Examples:",
      "  codetracer finish",
      "  codetracer finish target/recording -e recording.zip"
    })
public final class FinishCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FOLDER",
      description = "The unfinished recording's folder (default: every one in the data directory).")
  Path folder;

  @Option(names = "--no-index", description = "Do not add the recording to the local index.")
  boolean noIndex;

  @Option(
      names = {"-e", "--export"},
      paramLabel = "ZIP",
      description = "Also export the finished recording to this zip file (as `record -e` would have; FOLDER needed).")
  Path exportZip;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LocalRecordings recordings = LocalRecordings.fromEnvironment();
    if (exportZip != null && folder == null) {
      throw new ParameterException(spec.commandLine(), "--export needs the FOLDER of the recording to finish");
    }
    if (exportZip != null) {
      RecordingExporter.checkNewExport(exportZip);
    }
    if (folder != null) {
      finish(folder.toAbsolutePath().normalize(), recordings);
      return 0;
    }
    List<Path> found = UnfinishedRecording.in(recordings.dataDirectory());
    if (found.isEmpty()) {
      System.out.println("codetracer: no unfinished recordings in " + recordings.dataDirectory().root());
      return 0;
    }
    int failed = 0;
    for (Path unfinished : found) {
      try {
        finish(unfinished, recordings);
      } catch (UnfinishedRecording.LeftAloneException e) {
        System.err.println("codetracer: left alone: " + e.getMessage());
      } catch (CodeTracerException e) {
        System.err.println("codetracer: error: " + e.getMessage());
        failed++;
      }
    }
    return failed == 0 ? 0 : 1;
  }

  private void finish(Path path, LocalRecordings recordings) {
    UnfinishedRecording.Finished finished = UnfinishedRecording.finish(path, Path.of("").toAbsolutePath());
    PrintStream out = System.out;
    if (finished.alreadyFinished()) {
      if (noIndex) {
        out.println("codetracer: " + path + " holds a finished recording already" + (exportZip == null ? "; nothing to do" : ""));
        exportIfAsked(path, out);
        return;
      }
      ImportResult imported = new RecordingImporter(recordings).importFolder(path);
      out.println(
          "codetracer: " + path + " holds a finished recording already; "
              + (imported.alreadyIndexed() ? "it is in the index" : "added it to the index"));
      out.println("  open it:   codetracer run " + recordings.shortId(imported.recording().recordingId()));
      exportIfAsked(path, out);
      return;
    }
    RecordingPublisher publisher =
        new RecordingPublisher(
            noIndex ? RecordingPublisher.Registration.NONE : RecordingPublisher.Registration.NOW,
            () -> recordings,
            false,
            ExportFolder.fromEnvironment());
    RecordingPublisher.Published published = publisher.publish(path);
    RecordingFolder recording = published.recording();
    TraceMetadata metadata = recording.metadata();
    String id = metadata.recordingId;
    boolean indexed = !noIndex && recordings.findById(id).isPresent();
    if (metadata.extra().containsKey(UnfinishedRecording.COMMAND_UNKNOWN)) {
      out.println("codetracer: finished the recording in " + path + " (from its change log alone: the command is not known)");
    } else {
      out.println(
          "codetracer: finished the recording of `" + command(metadata) + "`"
              + Optional.ofNullable(metadata.startTime).map(start -> " (started " + start + ")").orElse(""));
    }
    List<String> notes = Boolean.TRUE.equals(metadata.extra().get("recorder_killed"))
        ? List.of("the program was killed too: the recording ends where its change log does")
        : List.of();
    RecordingSummary.print(out, recording, notes, indexed, published.zips());
    exportIfAsked(path, out);
    for (String warning : published.warnings()) {
      System.err.println("codetracer: warning: " + warning);
    }
    out.println("  open it:   codetracer run " + (indexed ? recordings.shortId(id) : recording.path().toString()));
  }

  private void exportIfAsked(Path recording, PrintStream out) {
    if (exportZip != null) {
      new RecordingExporter().export(recording, exportZip, false);
      out.println("  exported:  " + exportZip.toAbsolutePath().normalize());
    }
  }

  private static String command(TraceMetadata metadata) {
    List<String> command = new ArrayList<>();
    command.add(metadata.program);
    command.addAll(metadata.args);
    return ShellWords.join(command);
  }
}
