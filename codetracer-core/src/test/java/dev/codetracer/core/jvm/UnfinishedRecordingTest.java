package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.InvalidRecordingException;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TracePathsFile;
import dev.codetracer.core.trace.TraceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finishing a recording whose {@code codetracer record} was killed. The processes are simulated in
 * this JVM: an open {@link UnfinishedRecording.Claim} is a live {@code record}, an open {@link
 * RawLogWriter} a live recorded JVM (a lock this JVM holds counts as held).
 */
class UnfinishedRecordingTest {
  @TempDir Path dir;

  private static ChangeLogFixture threeSteps() {
    ChangeLogFixture log = new ChangeLogFixture().method(0, "main", 3, 0, "i").probe(0, 0, 3).probe(1, 0, 4, 0);
    log.call(0).step(0);
    for (int i = 0; i < 2; i++) {
      log.step(1).intValue(0, i);
    }
    return log.stdout("done\n").ret(0);
  }

  private static TraceMetadata recordsMetadata(String id) {
    TraceMetadata metadata = new TraceMetadata();
    metadata.formatVersion = TraceMetadata.FORMAT_VERSION;
    metadata.recordingId = id;
    metadata.program = "java";
    metadata.args = List.of("-cp", "classes", "Main");
    metadata.workdir = "/w";
    metadata.backend = "jvm";
    metadata.startTime = "2026-11-28T07:17:35.123Z";
    return metadata;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFolderWhoseRecordWasKilledIsFinishedAsRecordWouldHaveWithANoteThatItWasFinishedLater() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("rec"));
    String id = RecordingId.newId();
    String options = "output=" + folder + ",finish=external,format=bin,maxSteps=2";
    try (UnfinishedRecording.Claim claim = UnfinishedRecording.claim(folder, recordsMetadata(id), TraceFormat.BIN, options)) {
      threeSteps().write(folder.resolve(RawLog.FILE_NAME), true);
      assertThat(RecordingFolder.isUnfinished(folder)).isTrue();
      // record is alive: left alone
      assertThatThrownBy(() -> UnfinishedRecording.finish(folder, dir))
          .isInstanceOf(UnfinishedRecording.LeftAloneException.class)
          .hasMessage(folder + " is still being recorded: `codetracer record` (pid " + ProcessHandle.current().pid()
              + ") is running, and finishes the recording itself");
    } // killed: its lock goes
    assertThat(names(folder)).containsExactly(RawLog.FILE_NAME, UnfinishedRecording.FILE_NAME);

    UnfinishedRecording.Finished finished = UnfinishedRecording.finish(folder, dir);

    assertThat(finished.alreadyFinished()).isFalse();
    assertThat(names(folder)).containsExactly(
        "function_index.json", RecordingFolder.TRACE_BIN, "trace_metadata.json", TracePathsFile.NAME);
    RecordingFolder recording = RecordingFolder.open(folder);
    TraceMetadata metadata = recording.metadata();
    assertThat(metadata.recordingId).isEqualTo(id);
    assertThat(metadata.program).isEqualTo("java");
    assertThat(metadata.args).containsExactly("-cp", "classes", "Main");
    assertThat(metadata.startTime).isEqualTo("2026-11-28T07:17:35.123Z");
    assertThat(metadata.language).isEqualTo("java");
    assertThat(metadata.exitCode).isNull();
    assertThat(metadata.extra()).containsKey(UnfinishedRecording.FINISHED_LATER).doesNotContainKey(UnfinishedRecording.COMMAND_UNKNOWN);
    // the format and the caps record was given
    assertThat(recording.payload()).isEqualTo(RecordingFolder.Payload.TRACE_BIN);
    assertThat(metadata.truncationReason).startsWith("maxSteps");
    TraceModel model = TraceModel.load(recording.eventStream());
    assertThat(model.stepCount()).isEqualTo(2);

    assertThat(UnfinishedRecording.finish(folder, dir).alreadyFinished()).isTrue();
  }

  @Test
  void aRecordKilledAfterItWroteTheMetadataLeavesAFinishedRecordingWhoseLeftoversFinishRemoves() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("rec"));
    String id = RecordingId.newId();
    try (UnfinishedRecording.Claim claim = UnfinishedRecording.claim(folder, recordsMetadata(id), TraceFormat.JSON, "")) {
      Files.createDirectories(folder.resolve(JvmRecorder.COMPILED_CLASSES));
      threeSteps().write(folder.resolve(RawLog.FILE_NAME), true);
      TraceMetadata metadata = recordsMetadata(id);
      try (ChangeLog log = JvmTraceFinisher.openLog(folder)) {
        JvmTraceFinisher.expand(log, TraceFormat.JSON, ExpansionLimits.defaults(), dir, metadata);
      }
      dev.codetracer.core.recording.TraceMetadataFile.write(folder, metadata);
    } // killed right there
    assertThat(names(folder)).contains(RawLog.FILE_NAME, UnfinishedRecording.FILE_NAME, JvmRecorder.COMPILED_CLASSES);

    assertThat(UnfinishedRecording.finish(folder, dir).alreadyFinished()).isTrue();

    assertThat(names(folder)).doesNotContain(RawLog.FILE_NAME, UnfinishedRecording.FILE_NAME, JvmRecorder.COMPILED_CLASSES)
        .contains("trace_metadata.json", RecordingFolder.TRACE_JSON);
    RecordingFolder.open(folder);
  }

  @Test
  void aFolderAnotherFinishHoldsIsLeftAloneSayingSo() throws IOException, InterruptedException {
    Path folder = Files.createDirectories(dir.resolve("rec"));
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path claimFile = folder.resolve(UnfinishedRecording.FILE_NAME);
    Files.write(claimFile, dev.codetracer.core.recording.RecordingJson.toBytes(java.util.Map.of("recorder_pid", ended.pid())));
    threeSteps().write(folder.resolve(RawLog.FILE_NAME), true);
    try (java.nio.channels.FileChannel other = java.nio.channels.FileChannel.open(claimFile, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock held = other.lock()) {
      // the record is gone; another finish holds its claim
      assertThatThrownBy(() -> UnfinishedRecording.finish(folder, dir))
          .isInstanceOf(UnfinishedRecording.LeftAloneException.class)
          .hasMessage(folder + " is being finished by another codetracer");
    }
  }

  @Test
  void aLogTheRecordedJvmStillWritesIsLeftAlone() throws IOException {
    Path live = Files.createDirectories(dir.resolve("rec"));
    UnfinishedRecording.claim(live, recordsMetadata(RecordingId.newId()), TraceFormat.JSON, "").close(); // record was killed
    try (RawLogWriter agent = new RawLogWriter(live.resolve(RawLog.FILE_NAME))) { // the JVM lives on
      assertThatThrownBy(() -> UnfinishedRecording.finish(live, dir))
          .isInstanceOf(UnfinishedRecording.LeftAloneException.class)
          .hasMessage(live + " is still being recorded: the recorded JVM is still running (it holds trace.raw), or another"
              + " codetracer is finishing it; finish it once the program has ended");
      assertThat(names(live)).containsExactly(RawLog.FILE_NAME, UnfinishedRecording.FILE_NAME);
      assertThat(Files.size(live.resolve(RawLog.FILE_NAME))).isEqualTo(RawLog.MAGIC.length);
    }
  }

  @Test
  void aLogCutShortWithoutAClaimIsFinishedFromTheLogAloneKeepingTheFoldersId() throws IOException {
    String id = RecordingId.newId();
    Path folder = Files.createDirectories(dir.resolve(DataDirectory.RECORDING_FOLDER_PREFIX + id));
    threeSteps().write(folder.resolve(RawLog.FILE_NAME), false);

    UnfinishedRecording.finish(folder, Path.of("/work"));

    TraceMetadata metadata = RecordingFolder.open(folder).metadata();
    assertThat(metadata.recordingId).isEqualTo(id);
    assertThat(metadata.workdir).isEqualTo("/work");
    assertThat(metadata.extra()).containsEntry(UnfinishedRecording.COMMAND_UNKNOWN, true).containsEntry("recorder_killed", true);
    assertThat(TraceModel.load(RecordingFolder.open(folder).eventStream()).standardOutput()).isEqualTo("done\n");
    assertThat(UnfinishedRecording.in(new DataDirectory(dir))).isEmpty();
  }

  @Test
  void aClaimWithoutALogWhoseProgramRunsIsLeftAlone() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("rec"));
    try (UnfinishedRecording.Claim claim = UnfinishedRecording.claim(folder, recordsMetadata(RecordingId.newId()), TraceFormat.JSON, "")) {
      claim.programStarted(ProcessHandle.current().pid()); // a live process stands for the program
    }

    assertThatThrownBy(() -> UnfinishedRecording.finish(folder, dir))
        .isInstanceOf(UnfinishedRecording.LeftAloneException.class)
        .hasMessageStartingWith(folder + " holds no change log (trace.raw) yet: ");
    assertThat(names(folder)).containsExactly(UnfinishedRecording.FILE_NAME);
  }

  @Test
  void aClaimWithoutALogWhoseRecordDiedBeforeItsProgramStartedIsCleanedUp() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("rec"));
    try (UnfinishedRecording.Claim claim = UnfinishedRecording.claim(folder, recordsMetadata(RecordingId.newId()), TraceFormat.JSON, "")) {
      // record compiled a single-file program, and was killed
      Files.writeString(Files.createDirectories(folder.resolve(JvmRecorder.COMPILED_CLASSES).resolve("classes")).resolve("Main.class"), "x");
    }
    assertThat(UnfinishedRecording.in(new DataDirectory(dir))).isEmpty(); // not a trace-<id> folder: only given by name

    assertThatThrownBy(() -> UnfinishedRecording.finish(folder, dir))
        .isInstanceOf(CodeTracerException.class)
        .hasMessage("nothing was recorded in " + folder
            + ": its `codetracer record` was stopped before the program logged anything; removed the folder");
    assertThat(folder).doesNotExist();
  }

  @Test
  void aClaimWithoutALogWhoseProgramEndedLosesOnlyWhatRecordLeft() throws IOException, InterruptedException {
    Path folder = Files.createDirectories(dir.resolve("rec"));
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    try (UnfinishedRecording.Claim claim = UnfinishedRecording.claim(folder, recordsMetadata(RecordingId.newId()), TraceFormat.JSON, "")) {
      claim.programStarted(ended.pid());
    }
    Files.writeString(folder.resolve("notes.txt"), "the user's"); // not ours: stays

    assertThatThrownBy(() -> UnfinishedRecording.finish(folder, dir))
        .isInstanceOf(CodeTracerException.class)
        .hasMessageEndingWith("; removed what record left in it");
    assertThat(names(folder)).containsExactly("notes.txt");
  }

  @Test
  void aFolderWithNeitherIsNotARecording() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> UnfinishedRecording.finish(folder, dir))
        .isInstanceOf(CodeTracerException.class)
        .hasMessage(folder + " is not a recording: it has neither trace_metadata.json nor a change log (trace.raw) to finish");
  }

  @Test
  void openingAnUnfinishedFolderAsARecordingNamesTheRemedy() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("rec"));
    threeSteps().write(folder.resolve(RawLog.FILE_NAME), true);

    assertThatThrownBy(() -> RecordingFolder.open(folder))
        .isInstanceOf(InvalidRecordingException.class)
        .hasMessage(folder + " holds an unfinished recording (`codetracer record` is still recording it, or was stopped"
            + " before it finished it); finish it with `codetracer finish " + folder + "`");
  }

  @Test
  void theDataDirectorysUnfinishedRecordingsAreFound() throws IOException {
    DataDirectory data = new DataDirectory(dir);
    Path unfinished = Files.createDirectories(data.recordingFolder(RecordingId.newId()));
    Files.write(unfinished.resolve(RawLog.FILE_NAME), RawLog.MAGIC);
    Path finished = Files.createDirectories(data.recordingFolder(RecordingId.newId()));
    Files.write(finished.resolve(RawLog.FILE_NAME), RawLog.MAGIC);
    Files.writeString(finished.resolve("trace_metadata.json"), "{}");
    Files.createDirectories(dir.resolve("agent"));

    assertThat(UnfinishedRecording.in(data)).containsExactly(unfinished);
  }
}
