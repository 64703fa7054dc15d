package dev.codetracer.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.TestRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRecordingsTest {
  @TempDir Path temp;
  LocalRecordings recordings;

  @BeforeEach
  void setUp() {
    recordings = new LocalRecordings(new DataDirectory(temp.resolve("data")));
  }

  @Test
  void readsNeverCreateTheIndex() {
    assertThat(recordings.newest(10)).isEmpty();
    assertThat(recordings.count()).isZero();
    assertThat(recordings.findById(TraceIndexTest.id(1))).isEmpty();
    assertThat(recordings.remove(TraceIndexTest.id(1))).isFalse();
    assertThatThrownBy(() -> recordings.resolveId("0190abcd")).hasMessageContaining("no recording with id 0190abcd");
    assertThat(temp.resolve("data")).doesNotExist();
  }

  @Test
  void aRegistrationLeftForLaterIsAddedAtTheNextOpeningOfTheIndex() throws Exception {
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), TraceIndexTest.id(5), "/bin/p", "2026-01-01T00:00:00.000Z");
    recordings.registerLater(RecordingFolder.open(folder));
    assertThat(temp.resolve("data/trace_index.db")).as("registering later does not open the index").doesNotExist();
    assertThat(pendingEntries()).hasSize(1);

    assertThat(recordings.findByFolder(folder)).map(IndexedRecording::recordingId).contains(TraceIndexTest.id(5));
    assertThat(pendingEntries()).isEmpty();
    assertThat(recordings.count()).isEqualTo(1);
    assertThat(temp.resolve("data/pending-registrations")).as("emptied, it is removed").doesNotExist();

    Path next = TestRecordings.jvmRecording(temp.resolve("next"), TraceIndexTest.id(7), "/bin/p", "2026-01-01T00:00:01.000Z");
    recordings.registerLater(RecordingFolder.open(next));
    assertThat(pendingEntries()).hasSize(1);
    assertThat(recordings.count()).isEqualTo(2);
  }

  @Test
  void aRegistrationLeftForLaterIsAddedOnceEvenWhenTheRecordingWasIndexedMeanwhile() throws Exception {
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), TraceIndexTest.id(6), "/bin/p", "2026-01-01T00:00:00.000Z");
    recordings.registerLater(RecordingFolder.open(folder));
    recordings.registerLater(RecordingFolder.open(folder));
    IndexedRecording row = recordings.registerUnlessIndexed(RecordingFolder.open(folder));
    assertThat(row.recordingId()).isEqualTo(TraceIndexTest.id(6));
    assertThat(recordings.count()).isEqualTo(1);
    assertThat(pendingEntries()).isEmpty();
  }

  @Test
  void pendingRegistrationsOfFoldersRemovedSinceOrUnreadableAreDroppedWithoutHarm() throws Exception {
    Path gone = TestRecordings.jvmRecording(temp.resolve("gone"), TraceIndexTest.id(3), "/bin/p", "2026-01-01T00:00:00.000Z");
    recordings.registerLater(RecordingFolder.open(gone));
    FileTrees.deleteQuietly(gone);
    Path pending = temp.resolve("data/pending-registrations");
    Files.writeString(pending.resolve(TraceIndexTest.id(4) + ".folder"), "not\0a path");
    Files.write(pending.resolve(TraceIndexTest.id(9) + ".folder"), new byte[] {(byte) 0xff, 0});
    Path beingWritten = Files.writeString(pending.resolve("." + TraceIndexTest.id(2) + ".folder123.tmp"), "partial");

    assertThat(recordings.newest(10)).isEmpty();
    assertThat(pendingEntries()).isEmpty();
    assertThat(beingWritten).as("another process's entry being written is left alone").exists();
  }

  @Test
  void whileTheIndexTakesNoWritesPendingRegistrationsWaitAndReadsGoOn() throws Exception {
    Path first = TestRecordings.jvmRecording(temp.resolve("first"), TraceIndexTest.id(10), "/bin/p", "2026-01-01T00:00:00.000Z");
    recordings.register(RecordingFolder.open(first), false);
    Path later = TestRecordings.jvmRecording(temp.resolve("later"), TraceIndexTest.id(11), "/bin/p", "2026-01-02T00:00:00.000Z");
    recordings.registerLater(RecordingFolder.open(later));
    String url = "jdbc:sqlite:" + temp.resolve("data/trace_index.db");
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      // what a full disk does to an insert, for this test only
      statement.execute("CREATE TRIGGER refuse BEFORE INSERT ON recordings BEGIN SELECT RAISE(ABORT, 'no space'); END");
    }

    assertThat(recordings.count()).as("the index is read as it is").isEqualTo(1);
    assertThat(pendingEntries()).as("the registration waits").hasSize(1);

    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute("DROP TRIGGER refuse");
    }
    assertThat(recordings.findById(TraceIndexTest.id(11))).isPresent();
    assertThat(pendingEntries()).isEmpty();
  }

  @Test
  void processesOpeningTheIndexAtOnceAddEachPendingRegistrationOnce() throws Exception {
    int count = 30;
    for (int i = 0; i < count; i++) {
      Path folder = TestRecordings.jvmRecording(temp.resolve("rec" + i), TraceIndexTest.id(100 + i), "/bin/p", "2026-01-01T00:00:00.000Z");
      recordings.registerLater(RecordingFolder.open(folder));
    }
    ExecutorService openers = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> counts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        // each its own LocalRecordings and connection, as separate codetracer commands would be
        counts.add(openers.submit(() -> new LocalRecordings(new DataDirectory(temp.resolve("data"))).count()));
      }
      for (Future<Integer> seen : counts) {
        assertThat(seen.get(60, TimeUnit.SECONDS)).isEqualTo(count);
      }
    } finally {
      openers.shutdownNow();
    }
    assertThat(pendingEntries()).isEmpty();
  }

  private List<Path> pendingEntries() throws IOException {
    Path pending = temp.resolve("data/pending-registrations");
    if (!Files.isDirectory(pending)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pending)) {
      return files.filter(file -> !file.getFileName().toString().startsWith(".")).collect(Collectors.toList());
    }
  }

  @Test
  void registersUnderTheIdOfTheMetadata() {
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), TraceIndexTest.id(7), "/bin/p", "2026-01-01T00:00:00.000Z");
    IndexedRecording row = recordings.register(RecordingFolder.open(folder), false);
    assertThat(row.recordingId()).isEqualTo(TraceIndexTest.id(7));
    assertThat(row.folder()).isEqualTo(folder);
    assertThat(row.recordedAt()).isEqualTo("2026-01-01T00:00:00.000Z");
    assertThat(row.backend()).isEqualTo("jvm");
    assertThat(row.sizeBytes()).isEqualTo(RecordingFolder.sizeOf(folder));
    assertThat(recordings.findById(row.recordingId())).contains(row);
    assertThat(temp.resolve("data/trace_index.db")).isRegularFile();
    assertThatThrownBy(() -> recordings.register(RecordingFolder.open(folder), true)).isInstanceOf(AlreadyIndexedException.class);
  }

  @Test
  void registerUnlessIndexedAddsARecordingOnceAndThenReturnsItsRow() {
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), TraceIndexTest.id(8), "/bin/p", "2026-01-01T00:00:00.000Z");
    IndexedRecording added = recordings.registerUnlessIndexed(RecordingFolder.open(folder));
    assertThat(added.recordingId()).isEqualTo(TraceIndexTest.id(8));
    assertThat(recordings.registerUnlessIndexed(RecordingFolder.open(folder))).isEqualTo(added);
    assertThat(recordings.count()).isEqualTo(1);
  }

  @Test
  void aRecordingInAFolderThatHeldAnotherOneBeforeTakesItsRow() throws Exception {
    Path folder = temp.resolve("rec");
    TestRecordings.jvmRecording(folder, TraceIndexTest.id(1), "/bin/p", "2026-01-01T00:00:00.000Z");
    recordings.register(RecordingFolder.open(folder), false);
    FileTrees.deleteRecursively(folder);
    TestRecordings.jvmRecording(folder, TraceIndexTest.id(2), "/bin/p", "2026-01-01T00:00:01.000Z");

    assertThat(recordings.findSame(RecordingFolder.open(folder))).as("the row of the folder is another recording's").isEmpty();
    IndexedRecording row = recordings.registerUnlessIndexed(RecordingFolder.open(folder));
    assertThat(row.recordingId()).isEqualTo(TraceIndexTest.id(2));
    assertThat(recordings.newest(10)).containsExactly(row);

    // the same through register, and through a registration left for later
    FileTrees.deleteRecursively(folder);
    TestRecordings.jvmRecording(folder, TraceIndexTest.id(3), "/bin/p", "2026-01-01T00:00:02.000Z");
    assertThat(recordings.register(RecordingFolder.open(folder), false).recordingId()).isEqualTo(TraceIndexTest.id(3));
    FileTrees.deleteRecursively(folder);
    TestRecordings.jvmRecording(folder, TraceIndexTest.id(4), "/bin/p", "2026-01-01T00:00:03.000Z");
    recordings.registerLater(RecordingFolder.open(folder));
    assertThat(recordings.newest(10)).extracting(IndexedRecording::recordingId).containsExactly(TraceIndexTest.id(4));
    assertThat(folder.resolve("trace_metadata.json")).as("no file is touched").exists();
  }

  @Test
  void aForeignRecordingWithoutIdInAFolderThatHeldAnotherRunTakesItsRow() throws Exception {
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), null, "/bin/p", "2026-01-01T00:00:00.000Z");
    String first = recordings.register(RecordingFolder.open(folder), true).recordingId();
    assertThatThrownBy(() -> recordings.register(RecordingFolder.open(folder), true)).isInstanceOf(AlreadyIndexedException.class);
    TestRecordings.jvmRecording(folder, null, "/bin/q", "2026-01-01T00:00:00.000Z");

    IndexedRecording row = recordings.register(RecordingFolder.open(folder), true);
    assertThat(row.recordingId()).isNotEqualTo(first);
    assertThat(recordings.newest(10)).containsExactly(row);
  }

  @Test
  void aForeignRecordingWithoutIdGetsOneInTheIndexOnlyAndIsFoundByFolder() throws Exception {
    Path folder = TestRecordings.foreignRecording(temp.resolve("foreign"), null);
    String metadataBefore = java.nio.file.Files.readString(folder.resolve("trace_metadata.json"));
    IndexedRecording row = recordings.register(RecordingFolder.open(folder), true);
    assertThat(RecordingId.isValid(row.recordingId())).isTrue();
    assertThat(row.backend()).isEqualTo("trace");
    assertThat(folder.resolve("trace_metadata.json")).hasContent(metadataBefore);
    assertThat(recordings.findSame(RecordingFolder.open(folder))).contains(row);
  }

  @Test
  void findSameMatchesByIdThenFolderThenProgramArgsAndStartTime() throws Exception {
    Path a = TestRecordings.jvmRecording(temp.resolve("a"), TraceIndexTest.id(1), "/bin/p", "2026-01-01T00:00:00.000Z");
    recordings.register(RecordingFolder.open(a), false);
    // the same id elsewhere (a copy of the folder) is the same recording
    Path copy = TestRecordings.jvmRecording(temp.resolve("copy"), TraceIndexTest.id(1), "/bin/p", "2026-01-01T00:00:00.000Z");
    assertThat(recordings.findSame(RecordingFolder.open(copy))).map(IndexedRecording::folder).contains(a);
    // no id: the same program, args and start time is the same run
    Path noId = TestRecordings.jvmRecording(temp.resolve("noid"), null, "/bin/p", "2026-01-01T00:00:00.000Z");
    assertThat(recordings.findSame(RecordingFolder.open(noId))).map(IndexedRecording::recordingId).contains(TraceIndexTest.id(1));
    Path otherTime = TestRecordings.jvmRecording(temp.resolve("other"), null, "/bin/p", "2026-01-01T00:00:00.001Z");
    assertThat(recordings.findSame(RecordingFolder.open(otherTime))).isEmpty();
    // a different id is a different recording even at the same time
    Path otherId = TestRecordings.jvmRecording(temp.resolve("otherid"), TraceIndexTest.id(2), "/bin/p", "2026-01-01T00:00:00.000Z");
    assertThat(recordings.findSame(RecordingFolder.open(otherId))).isEmpty();
  }

  @Test
  void resolvesUniquePrefixesOfAtLeastEightCharacters() {
    String one = "0190abcd-1111-7000-8000-000000000001";
    String two = "0190abcd-2222-7000-8000-000000000002";
    recordings.register(RecordingFolder.open(TestRecordings.jvmRecording(temp.resolve("1"), one, "/p", null)), false);
    recordings.register(RecordingFolder.open(TestRecordings.jvmRecording(temp.resolve("2"), two, "/p", null)), false);

    assertThat(recordings.resolveId(one).recordingId()).isEqualTo(one);
    assertThat(recordings.resolveId("0190abcd-1").recordingId()).isEqualTo(one);
    assertThat(recordings.resolveId("0190ABCD-2222").recordingId()).isEqualTo(two);
    assertThatThrownBy(() -> recordings.resolveId("0190abcd"))
        .isInstanceOf(CodeTracerException.class)
        .hasMessageContainingAll("ambiguous", one, two)
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> recordings.resolveId("0190abc"))
        .hasMessageContaining("at least 8 characters");
    assertThatThrownBy(() -> recordings.resolveId("not-an-id!"))
        .hasMessageContaining("is not a recording id");
    assertThatThrownBy(() -> recordings.resolveId("0190abce"))
        .hasMessageContaining("no recording with id 0190abce");
  }

  @Test
  void removesRowsAndOwnsOnlyFoldersInsideTheDataDirectory() {
    Path inside = recordings.dataDirectory().recordingFolder(TraceIndexTest.id(1));
    assertThat(recordings.owns(inside)).isTrue();
    assertThat(recordings.owns(temp.resolve("elsewhere"))).isFalse();
    assertThat(recordings.owns(recordings.dataDirectory().root())).isFalse();
    Path folder = TestRecordings.jvmRecording(temp.resolve("r"), TraceIndexTest.id(1), "/p", null);
    recordings.register(RecordingFolder.open(folder), false);
    assertThat(recordings.count()).isEqualTo(1);
    assertThat(recordings.remove(TraceIndexTest.id(1))).isTrue();
    assertThat(recordings.count()).isZero();
    assertThat(folder).isDirectory();
  }
}
