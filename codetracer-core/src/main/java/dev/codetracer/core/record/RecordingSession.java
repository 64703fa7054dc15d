package dev.codetracer.core.record;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.CodeTracerVersion;
import dev.codetracer.core.archive.ProgressListener;
import dev.codetracer.core.archive.RecordingExporter;
import dev.codetracer.core.index.IndexedRecording;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.io.IoMessages;
import dev.codetracer.core.recording.HostFacts;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code codetracer record}: everything around a {@link Recorder}. It checks that the
 * recorder can record before anything runs, creates the recording folder, writes the metadata,
 * validates the result, registers it in the index and exports it when asked. When recording
 * fails before the program could run, the folder it created is removed again.
 */
public final class RecordingSession {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Recorders recorders;
  private final LocalRecordings recordings;
  private final ProgressListener exportProgress;

  public RecordingSession(Recorders recorders, LocalRecordings recordings, ProgressListener exportProgress) {
    this.recorders = recorders;
    this.recordings = recordings;
    this.exportProgress = exportProgress;
  }

  /**
   * How to record.
   *
   * @param outputFolder {@code -o}: the recording folder, or null for the data directory
   * @param exportZip {@code -e}: also export to this zip, or null
   * @param exportFolder {@code CODETRACER_EXPORT_RECORD_FOLDER}, or null
   * @param rrExecutableOption how the user gave {@code rrExecutable}, for messages (see {@link
   *     RecordRequest})
   * @param register add the recording to the local index
   */
  public record Options(
      String backend,
      Path outputFolder,
      Path exportZip,
      Path exportFolder,
      TraceFormat format,
      Path rrExecutable,
      String rrExecutableOption,
      boolean systemSources,
      String recorderOptions,
      boolean register) {

    /** Options whose rr, if any, was given with {@link RecordRequest#RR_OPTION}. */
    public Options(
        String backend,
        Path outputFolder,
        Path exportZip,
        Path exportFolder,
        TraceFormat format,
        Path rrExecutable,
        boolean systemSources,
        String recorderOptions,
        boolean register) {
      this(backend, outputFolder, exportZip, exportFolder, format, rrExecutable, RecordRequest.RR_OPTION,
          systemSources, recorderOptions, register);
    }
  }

  /**
   * What was recorded.
   *
   * @param indexed the index row, or null when not registered
   * @param exports the zips written
   * @param warnings things that went wrong after the program ran, which did not lose the recording
   */
  public record Result(
      RecordingFolder folder,
      ProgramExit exit,
      Duration duration,
      IndexedRecording indexed,
      List<Path> exports,
      List<String> warnings) {}

  public Result record(List<String> command, Path workdir, java.util.Map<String, String> environment, Options options)
      throws InterruptedException {
    if (command.isEmpty()) {
      throw new CodeTracerException("nothing to record: give the program and its arguments");
    }
    Recorder recorder = recorders.choose(options.backend(), command);
    String id = RecordingId.newId();
    Path folder =
        (options.outputFolder() == null
                ? recordings.dataDirectory().recordingFolder(id)
                : options.outputFolder())
            .toAbsolutePath()
            .normalize();
    checkOutputs(folder, options.exportZip());
    RecordRequest request =
        new RecordRequest(
            command,
            workdir,
            folder,
            environment,
            options.format(),
            options.rrExecutable(),
            options.rrExecutableOption(),
            options.systemSources(),
            options.recorderOptions());
    recorder.checkUsable(request);

    Path created = createFolder(folder);
    TraceMetadata metadata = baseMetadata(id, command, workdir, recorder);
    Instant start = Instant.now();
    metadata.startTime = isoMillis(start);
    ProgramExit exit;
    try {
      exit = recorder.record(request, metadata);
    } catch (IOException e) {
      removeIfCreated(created);
      throw new CodeTracerException("recording failed: " + IoMessages.describe(e), e);
    } catch (RuntimeException | InterruptedException e) {
      removeIfCreated(created);
      throw e;
    }
    Duration duration = Duration.between(start, Instant.now());
    metadata.durationMs = duration.toMillis();
    metadata.exitCode = exit.exitCode();
    metadata.signal = exit.signal();
    TraceMetadataFile.write(folder, metadata);
    RecordingFolder recording = RecordingFolder.open(folder);

    List<String> warnings = new ArrayList<>();
    IndexedRecording indexed = null;
    if (options.register()) {
      try {
        indexed = recordings.register(recording, false);
      } catch (CodeTracerException e) {
        warnings.add("the recording was not added to the index: " + e.getMessage());
      }
    }
    List<Path> exports = new ArrayList<>();
    exportTo(recording, options.exportZip(), exports, warnings);
    if (options.exportFolder() != null) {
      exportTo(recording, ExportFolder.zipFor(options.exportFolder(), folder), exports, warnings);
    }
    return new Result(recording, exit, duration, indexed, exports, warnings);
  }

  /**
   * ISO-8601 UTC with exactly three fraction digits: {@code Instant.toString} drops a zero
   * fraction, and {@code ...:05Z} would sort after {@code ...:05.120Z} in the index.
   */
  public static String isoMillis(Instant instant) {
    return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  private static void checkOutputs(Path folder, Path exportZip) {
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      try {
        if (!Files.isDirectory(folder) || !FileTrees.isEmptyDirectory(folder)) {
          throw new CodeTracerException(folder + " already exists and is not empty; choose another output folder");
        }
      } catch (IOException e) {
        throw new CodeTracerException("cannot use " + folder + ": " + IoMessages.describe(e), e);
      }
    }
    if (exportZip != null) {
      RecordingExporter.checkNewExport(exportZip);
    }
  }

  private static void removeIfCreated(Path created) {
    if (created != null) {
      FileTrees.deleteQuietly(created);
    }
  }

  /** Creates the folder and its missing parents; returns the topmost one created, else null. */
  private static Path createFolder(Path folder) {
    try {
      return FileTrees.createFolders(folder);
    } catch (IOException e) {
      throw new CodeTracerException("cannot create the recording folder " + folder + ": " + IoMessages.describe(e), e);
    }
  }

  private static TraceMetadata baseMetadata(String id, List<String> command, Path workdir, Recorder recorder) {
    TraceMetadata metadata = new TraceMetadata();
    metadata.formatVersion = TraceMetadata.FORMAT_VERSION;
    metadata.recordingId = id;
    metadata.program = command.get(0);
    metadata.args = new ArrayList<>(command.subList(1, command.size()));
    metadata.workdir = workdir.toAbsolutePath().normalize().toString();
    metadata.backend = recorder.name();
    metadata.recorderName = "codetracer-java " + recorder.name();
    metadata.recorderVersion = CodeTracerVersion.get();
    metadata.codetracerVersion = CodeTracerVersion.get();
    HostFacts.fill(metadata);
    return metadata;
  }

  private void exportTo(RecordingFolder recording, Path zip, List<Path> exports, List<String> warnings) {
    if (zip == null) {
      return;
    }
    try {
      new RecordingExporter(exportProgress).export(recording.path(), zip, false);
      exports.add(zip.toAbsolutePath().normalize());
    } catch (CodeTracerException e) {
      warnings.add("the recording was not exported: " + e.getMessage());
    }
  }
}
