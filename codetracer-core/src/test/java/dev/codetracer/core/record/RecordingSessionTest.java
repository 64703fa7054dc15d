package dev.codetracer.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.ProgressListener;
import dev.codetracer.core.index.IndexedRecording;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.TestRecordings;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import dev.codetracer.core.recording.TracePathsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's plumbing around a recorder; the recorder here is a fake that writes a tiny stream. */
class RecordingSessionTest {
  @TempDir Path temp;
  LocalRecordings recordings;
  FakeRecorder fake;
  Path workdir;

  /** Writes a minimal valid JVM-style recording and ends with the exit code it was given. */
  static final class FakeRecorder implements Recorder {
    int exitCode;
    RuntimeException failBeforeRun;
    IOException failWhileRecording;
    final List<RecordRequest> requests = new ArrayList<>();

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public boolean handles(List<String> command) {
      return command.get(0).endsWith(".fake");
    }

    @Override
    public void checkUsable(RecordRequest request) {
      if (failBeforeRun != null) {
        throw failBeforeRun;
      }
    }

    @Override
    public ProgramExit record(RecordRequest request, TraceMetadata metadata) throws IOException {
      requests.add(request);
      assertThat(request.folder()).isEmptyDirectory();
      Files.writeString(request.folder().resolve("trace.json"), "[{\"Path\":\"/w/A.java\"}]");
      if (failWhileRecording != null) {
        throw failWhileRecording;
      }
      TracePathsFile.write(request.folder(), List.of("/w/A.java"));
      FunctionIndexFile.write(request.folder(), List.of(new FunctionIndexEntry("A.main", "", "/w/A.java", 1, true)));
      metadata.language = "java";
      return ProgramExit.exited(exitCode);
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    recordings = new LocalRecordings(new DataDirectory(temp.resolve("data")));
    fake = new FakeRecorder();
    workdir = Files.createDirectories(temp.resolve("work"));
  }

  private RecordingSession session() {
    return new RecordingSession(new Recorders(List.of(fake)), recordings, ProgressListener.NONE);
  }

  private static RecordingSession.Options options(Path output, Path zip, Path exportFolder, boolean register) {
    return new RecordingSession.Options(Recorders.AUTO, output, zip, exportFolder, TraceFormat.JSON, null, false, null, register);
  }

  private RecordingSession.Result record(RecordingSession.Options options, String... command) throws Exception {
    return session().record(List.of(command), workdir, Map.of("K", "V"), options);
  }

  @Test
  void recordsIntoTheDataDirectoryWritesTheMetadataAndRegisters() throws Exception {
    fake.exitCode = 3;
    Instant before = Instant.now();
    RecordingSession.Result result = record(options(null, null, null, true), "app.fake", "a", "b c");

    String id = result.folder().metadata().recordingId;
    assertThat(RecordingId.isValid(id)).isTrue();
    assertThat(result.folder().path()).isEqualTo(temp.resolve("data/trace-" + id));
    assertThat(result.exit().exitCode()).isEqualTo(3);
    assertThat(result.warnings()).isEmpty();
    assertThat(fake.requests).singleElement().satisfies(r -> {
      assertThat(r.command()).containsExactly("app.fake", "a", "b c");
      assertThat(r.environment()).containsEntry("K", "V");
      assertThat(r.workdir()).isEqualTo(workdir);
    });

    TraceMetadata m = TraceMetadataFile.read(result.folder().path());
    assertThat(m.formatVersion).isEqualTo(TraceMetadata.FORMAT_VERSION);
    assertThat(m.recordingId).isEqualTo(id);
    assertThat(m.program).isEqualTo("app.fake");
    assertThat(m.args).containsExactly("a", "b c");
    assertThat(m.workdir).isEqualTo(workdir.toString());
    assertThat(m.backend).isEqualTo("fake");
    assertThat(m.language).isEqualTo("java");
    assertThat(m.recorderName).contains("fake");
    assertThat(m.recorderVersion).isNotBlank();
    assertThat(m.exitCode).isEqualTo(3);
    assertThat(m.durationMs).isNotNull().isGreaterThanOrEqualTo(0);
    assertThat(m.startTime).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(Instant.parse(m.startTime)).isBetween(before.minusMillis(1), Instant.now());
    assertThat(m.hostOs).isNotBlank();
    assertThat(m.hostArch).isNotBlank();
    assertThat(m.user).isNotBlank();

    assertThat(result.indexed()).isNotNull();
    assertThat(recordings.findById(id)).contains(result.indexed());
    assertThat(result.indexed().imported()).isFalse();
    assertThat(result.exports()).isEmpty();
  }

  @Test
  void startTimesAlwaysHaveMilliseconds() {
    assertThat(RecordingSession.isoMillis(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000Z");
    assertThat(RecordingSession.isoMillis(Instant.parse("2026-01-02T03:04:05.120456Z"))).isEqualTo("2026-01-02T03:04:05.120Z");
  }

  @Test
  void outputFolderExportZipAndNoIndex() throws Exception {
    Path output = temp.resolve("out/rec");
    Path zip = temp.resolve("zips/rec.zip");
    RecordingSession.Result result = record(options(output, zip, null, false), "app.fake");
    assertThat(result.folder().path()).isEqualTo(output);
    assertThat(result.indexed()).isNull();
    assertThat(recordings.count()).isZero();
    assertThat(result.exports()).containsExactly(zip);
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      assertThat(file.getEntry("trace_metadata.json")).isNotNull();
      assertThat(file.getEntry("trace.json")).isNotNull();
    }
    // an existing empty folder is fine
    Path empty = Files.createDirectories(temp.resolve("empty"));
    assertThat(record(options(empty, null, null, false), "app.fake").folder().path()).isEqualTo(empty);
  }

  @Test
  void recordingAgainIntoADeletedOutputFolderReplacesOnlyTheIndexRowOfTheRecordingThatWasThere() throws Exception {
    Path output = temp.resolve("out/rec");
    String first = record(options(output, null, null, true), "app.fake", "1").folder().metadata().recordingId;
    Path kept = record(options(temp.resolve("other"), null, null, true), "app.fake", "2").folder().path();
    FileTrees.deleteRecursively(output);

    RecordingSession.Result second = record(options(output, null, null, true), "app.fake", "5");
    assertThat(second.warnings()).isEmpty();
    String id = second.folder().metadata().recordingId;
    assertThat(recordings.findById(id)).contains(second.indexed());
    assertThat(recordings.findById(first)).isEmpty();
    assertThat(recordings.newest(10)).extracting(IndexedRecording::folder).containsExactlyInAnyOrder(output, kept);
  }

  @Test
  void everyRecordingIsExportedToTheExportFolder() throws Exception {
    Path exportFolder = temp.resolve("ci-artifacts");
    List<String> ids = new ArrayList<>();
    ids.add(record(options(null, null, exportFolder, true), "app.fake").folder().metadata().recordingId);
    ids.add(record(options(null, temp.resolve("also.zip"), exportFolder, true), "app.fake").folder().metadata().recordingId);
    // recordings with -o folders of the same name must not collide
    ids.add(record(options(temp.resolve("a/rec"), null, exportFolder, true), "app.fake").folder().metadata().recordingId);
    ids.add(record(options(temp.resolve("b/rec"), null, exportFolder, true), "app.fake").folder().metadata().recordingId);

    Set<String> exportedIds;
    try (var zips = Files.list(exportFolder)) {
      exportedIds = zips.map(zip -> {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
          return TraceMetadataFile.parse(file.getInputStream(file.getEntry("trace_metadata.json"))).recordingId;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.toSet());
    }
    assertThat(exportedIds).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(exportFolder.resolve("trace-" + ids.get(0) + ".zip")).isRegularFile();
    assertThat(temp.resolve("also.zip")).isRegularFile();
  }

  @Test
  void refusesUnusableOutputsBeforeTheProgramRuns() throws Exception {
    Path output = temp.resolve("out");
    TestRecordings.write(output, "precious.txt", "mine");
    Map<String, String> before = TestRecordings.tree(temp);
    assertThatThrownBy(() -> record(options(output, null, null, true), "app.fake"))
        .isInstanceOf(CodeTracerException.class)
        .hasMessage(output + " already exists and is not empty; choose another output folder");
    Path zip = Files.writeString(temp.resolve("exists.zip"), "x");
    before = TestRecordings.tree(temp);
    assertThatThrownBy(() -> record(options(null, zip, null, true), "app.fake"))
        .hasMessage(zip + " already exists; choose another name for the export");
    assertThat(fake.requests).isEmpty();
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
  }

  @Test
  void aRecorderThatCannotRecordStopsEverythingAndSaysWhy() throws Exception {
    fake.failBeforeRun = new RecorderUnavailableException("fake needs a fake machine");
    Map<String, String> before = TestRecordings.tree(temp);
    assertThatThrownBy(() -> record(options(null, null, temp.resolve("exports"), true), "app.fake"))
        .isInstanceOf(RecorderUnavailableException.class)
        .hasMessage("fake needs a fake machine");
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
  }

  @Test
  void aFailedRecordingRemovesTheFolderItCreated() throws Exception {
    fake.failWhileRecording = new IOException("disk on fire");
    Map<String, String> before = TestRecordings.tree(temp);
    assertThatThrownBy(() -> record(options(temp.resolve("new/rec"), null, null, true), "app.fake"))
        .isInstanceOf(CodeTracerException.class)
        .hasMessage("recording failed: disk on fire");
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
  }

  @Test
  void choosesRecordersByNameOrByProgramAndNamesTheAvailableOnes() throws Exception {
    assertThatThrownBy(() -> record(options(null, null, null, true), "/bin/sh"))
        .isInstanceOf(CodeTracerException.class)
        .hasMessage("no recorder can record `/bin/sh`; available backends: fake (choose one with --backend)");
    assertThatThrownBy(() -> record(options(null, null, null, true), "./a.out"))
        .hasMessage("cannot record `./a.out`: no such file");
    RecordingSession.Options unknown =
        new RecordingSession.Options("rr2", null, null, null, TraceFormat.JSON, null, false, null, true);
    assertThatThrownBy(() -> session().record(List.of("x"), workdir, Map.of(), unknown))
        .hasMessage("unknown backend \"rr2\"; available backends: fake");
    assertThatThrownBy(() -> new RecordingSession(new Recorders(List.of()), recordings, ProgressListener.NONE)
            .record(List.of("sh"), workdir, Map.of(), options(null, null, null, true)))
        .hasMessage("no recorder can record `sh`; available backends: none in this build (choose one with --backend)");
    assertThatThrownBy(() -> session().record(List.of(), workdir, Map.of(), options(null, null, null, true)))
        .hasMessageContaining("nothing to record");
    RecordingSession.Options byName =
        new RecordingSession.Options("fake", null, null, null, TraceFormat.JSON, null, false, null, true);
    assertThat(session().record(List.of("./a.out"), workdir, Map.of(), byName).exit().exitCode()).isZero();
    assertThat(RecordingFolder.open(recordings.newest(1).get(0).folder()).backend()).isEqualTo("fake");
  }

  @Test
  void exportProblemsAfterTheRunAreWarningsAndKeepTheRecording() throws Exception {
    Path exportFolder = Files.createDirectories(temp.resolve("exports"));
    Files.writeString(temp.resolve("blocker"), "x");
    RecordingSession.Result result = record(options(null, null, temp.resolve("blocker/dir"), true), "app.fake");
    assertThat(result.warnings()).singleElement().asString().startsWith("the recording was not exported: ");
    assertThat(result.folder().path()).isDirectory();
    assertThat(result.indexed()).isNotNull();
    assertThat(exportFolder).isEmptyDirectory();
  }
}
