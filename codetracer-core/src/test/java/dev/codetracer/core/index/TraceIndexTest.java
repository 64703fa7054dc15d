package dev.codetracer.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceIndexTest {
  @TempDir Path temp;

  static IndexedRecording row(String id, String program, List<String> args, String recordedAt, Path folder) {
    return new IndexedRecording(
        id, program, args, "/w", "jvm", "java", recordedAt, 1234L, 0, folder, false, 4096L, null, null, null);
  }

  static String id(int n) {
    return String.format("0190abcd-0000-7000-8000-%012d", n);
  }

  private Path db() {
    return temp.resolve("data/trace_index.db");
  }

  private static String pragma(Path db, String pragma) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void createsTheIndexAndItsFolderWithTheCurrentSchemaInWalMode() throws Exception {
    try (TraceIndex index = TraceIndex.open(db())) {
      assertThat(index.count()).isZero();
      assertThat(index.file()).isEqualTo(db());
    }
    assertThat(db()).isRegularFile();
    assertThat(pragma(db(), "user_version")).isEqualTo(String.valueOf(IndexSchema.CURRENT_VERSION));
    assertThat(pragma(db(), "journal_mode")).isEqualTo("wal");
    assertThat(IndexSchema.CURRENT_VERSION).isGreaterThanOrEqualTo(1);
  }

  @Test
  void migratesAnOlderIndexForwardKeepingItsRows() throws Exception {
    // schema version 1 exactly as it shipped; later migrations must carry its rows forward
    Files.createDirectories(db().getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE recordings (recording_id TEXT PRIMARY KEY, program TEXT NOT NULL, args TEXT NOT NULL,"
              + " workdir TEXT, backend TEXT, language TEXT, recorded_at TEXT, duration_ms INTEGER, exit_code INTEGER,"
              + " folder TEXT NOT NULL UNIQUE, imported INTEGER NOT NULL DEFAULT 0, size_bytes INTEGER NOT NULL DEFAULT 0,"
              + " test_id TEXT, test_name TEXT, test_outcome TEXT, registered_at TEXT NOT NULL)");
      s.execute(
          "INSERT INTO recordings VALUES ('" + id(1) + "', '/bin/old', '[\"a\"]', '/w', 'rr', 'c',"
              + " '2025-01-01T00:00:00.000Z', 5, 1, '/r/old', 1, 99, NULL, NULL, NULL, '2025-01-01T00:00:01Z')");
      s.execute("PRAGMA user_version = 1");
    }
    try (TraceIndex index = TraceIndex.open(db())) {
      IndexedRecording old = index.findById(id(1)).orElseThrow();
      assertThat(old.program()).isEqualTo("/bin/old");
      assertThat(old.args()).containsExactly("a");
      assertThat(old.exitCode()).isEqualTo(1);
      assertThat(old.imported()).isTrue();
    }
    assertThat(pragma(db(), "user_version")).isEqualTo(String.valueOf(IndexSchema.CURRENT_VERSION));
  }

  @Test
  void migratesAnEmptyVersionZeroFile() throws Exception {
    Files.createDirectories(db().getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE unrelated (x)");
    }
    assertThat(pragma(db(), "user_version")).isEqualTo("0");
    try (TraceIndex index = TraceIndex.open(db())) {
      index.insert(row(id(1), "/bin/p", List.of(), "2026-01-01T00:00:00.000Z", temp.resolve("r1")));
      assertThat(index.count()).isEqualTo(1);
    }
    assertThat(pragma(db(), "user_version")).isEqualTo(String.valueOf(IndexSchema.CURRENT_VERSION));
  }

  @Test
  void refusesAnIndexOfANewerCodetracerInOneLine() throws Exception {
    Files.createDirectories(db().getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 99");
    }
    assertThatThrownBy(() -> TraceIndex.open(db()))
        .isInstanceOf(IndexException.class)
        .hasMessageContainingAll(db().toString(), "newer codetracer", "99")
        .hasMessageNotContaining("\n");
    assertThat(pragma(db(), "user_version")).isEqualTo("99");
  }

  @Test
  void aFileThatIsNotAnIndexIsAOneLineError() throws Exception {
    Files.createDirectories(db().getParent());
    Files.writeString(db(), "this is not sqlite, but it is long enough to have a header of a hundred bytes or so..........");
    assertThatThrownBy(() -> TraceIndex.open(db()))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("cannot open the index " + db() + ": it is not a readable SQLite database")
        .hasMessageContaining("move it aside")
        .hasMessageNotContaining("\n");
  }

  @Test
  void insertsAndFindsRowsByIdFolderPrefixAndRun() {
    try (TraceIndex index = TraceIndex.open(db())) {
      IndexedRecording a = row(id(1), "/bin/p", List.of("x", "y z"), "2026-01-01T00:00:00.000Z", temp.resolve("a"));
      IndexedRecording b = row("0190abcd-0001-7000-8000-000000000002", "/bin/p", List.of("x"), "2026-01-01T00:00:00.000Z", temp.resolve("b"));
      IndexedRecording c = row("0290abcd-0000-7000-8000-000000000003", "/bin/q", List.of(), null, temp.resolve("c"));
      index.insert(a);
      index.insert(b);
      index.insert(c);

      assertThat(index.findById(id(1))).contains(a);
      assertThat(index.findById(id(9))).isEmpty();
      assertThat(index.findByFolder(temp.resolve("b"))).contains(b);
      assertThat(index.findByFolder(temp.resolve("x/../b"))).contains(b);

      assertThat(index.findByIdPrefix("0190abcd")).extracting(IndexedRecording::recordingId).containsExactly(a.recordingId(), b.recordingId());
      assertThat(index.findByIdPrefix("0190abcd-0001")).containsExactly(b);
      assertThat(index.findByIdPrefix(c.recordingId())).containsExactly(c);
      assertThat(index.findByIdPrefix("0390abcd")).isEmpty();

      assertThat(index.findByRun("/bin/p", List.of("x", "y z"), "2026-01-01T00:00:00.000Z")).contains(a);
      assertThat(index.findByRun("/bin/p", List.of("x"), "2026-01-01T00:00:00.000Z")).contains(b);
      assertThat(index.findByRun("/bin/p", List.of("x"), "2026-01-01T00:00:00.001Z")).isEmpty();
      assertThat(index.findByRun("/bin/q", List.of("x"), "2026-01-01T00:00:00.000Z")).isEmpty();
      assertThat(index.count()).isEqualTo(3);
    }
  }

  @Test
  void anIdIsShortenedToThePrefixNoOtherIdInTheIndexShares() {
    try (TraceIndex index = TraceIndex.open(db())) {
      String alone = "0290abcd-0000-7000-8000-000000000003";
      String first = "0190abcd-0000-7000-8000-000000000001";
      String sameMinute = "0190abcd-1a00-7000-8000-000000000002";
      String sameMillisecond = "0190abcd-1a00-7000-8000-000000000012";
      int n = 0;
      for (String id : List.of(alone, first, sameMinute, sameMillisecond)) {
        index.insert(row(id, "/p", List.of(), null, temp.resolve("r" + n++)));
      }

      assertThat(index.uniquePrefix(alone)).isEqualTo("0290abcd");
      assertThat(index.uniquePrefix(first)).as("never ending on the hyphen").isEqualTo("0190abcd-0");
      assertThat(index.uniquePrefix(sameMinute)).isEqualTo("0190abcd-1a00-7000-8000-00000000000");
      assertThat(index.uniquePrefix(sameMillisecond)).isEqualTo("0190abcd-1a00-7000-8000-00000000001");
      for (String id : List.of(alone, first, sameMinute, sameMillisecond)) {
        assertThat(index.findByIdPrefix(index.uniquePrefix(id))).extracting(IndexedRecording::recordingId).containsExactly(id);
      }
    }
  }

  @Test
  void argsColumnIsReadInAnyJsonLayoutAndKeptAsTextWhenItIsNotAnArrayOfStrings() {
    assertThat(TraceIndex.parseArgs("[ \"a\", \"b c\" ]")).containsExactly("a", "b c");
    assertThat(TraceIndex.parseArgs("[\"\\u00e9\\n\"]")).containsExactly("\u00e9\n");
    assertThat(TraceIndex.parseArgs("[]")).isEmpty();
    assertThat(TraceIndex.parseArgs("a b")).containsExactly("a b");
    assertThat(TraceIndex.parseArgs("[1]")).containsExactly("[1]");
    assertThat(TraceIndex.parseArgs("[\"a\"] trailing")).containsExactly("[\"a\"] trailing");
  }

  @Test
  void keepsEveryColumn() {
    IndexedRecording full =
        new IndexedRecording(id(5), "/bin/p", List.of("a"), "/w", "rr", "c", "2026-02-03T04:05:06.007Z", null, null,
            temp.resolve("f"), true, 77L, "com.acme.FooTest#bar()", "FooTest.bar", "failed");
    try (TraceIndex index = TraceIndex.open(db())) {
      index.insert(full);
    }
    try (TraceIndex index = TraceIndex.open(db())) {
      assertThat(index.findById(id(5))).contains(full);
    }
  }

  @Test
  void refusesASecondRowWithTheSameIdOrFolder() {
    try (TraceIndex index = TraceIndex.open(db())) {
      IndexedRecording a = row(id(1), "/bin/p", List.of(), "2026-01-01T00:00:00.000Z", temp.resolve("a"));
      index.insert(a);
      assertThatThrownBy(() -> index.insert(row(id(1), "/bin/other", List.of(), null, temp.resolve("other"))))
          .isInstanceOf(AlreadyIndexedException.class)
          .hasMessage("recording " + id(1) + " is already in the index, at " + temp.resolve("a"))
          .satisfies(e -> assertThat(((AlreadyIndexedException) e).existing()).isEqualTo(a));
      assertThatThrownBy(() -> index.insert(row(id(2), "/bin/p", List.of(), null, temp.resolve("a"))))
          .isInstanceOf(AlreadyIndexedException.class);
      assertThat(index.count()).isEqualTo(1);
    }
  }

  @Test
  void newestFirstByStartTimeThenIdWithUnknownTimesLast() {
    try (TraceIndex index = TraceIndex.open(db())) {
      index.insert(row(id(1), "/p", List.of(), "2026-01-01T00:00:00.000Z", temp.resolve("1")));
      index.insert(row(id(2), "/p", List.of(), "2026-03-01T00:00:00.000Z", temp.resolve("2")));
      index.insert(row(id(3), "/p", List.of(), null, temp.resolve("3")));
      index.insert(row(id(4), "/p", List.of(), "2026-02-01T00:00:00.000Z", temp.resolve("4")));
      index.insert(row(id(5), "/p", List.of(), "2026-02-01T00:00:00.000Z", temp.resolve("5")));
      assertThat(index.newest(10)).extracting(IndexedRecording::recordingId).containsExactly(id(2), id(5), id(4), id(1), id(3));
      assertThat(index.newest(2)).extracting(IndexedRecording::recordingId).containsExactly(id(2), id(5));
      assertThat(index.remove(id(2))).isTrue();
      assertThat(index.remove(id(2))).isFalse();
      assertThat(index.newest(1)).extracting(IndexedRecording::recordingId).containsExactly(id(5));
    }
  }

  @Test
  void severalWritersAtOnceAllSucceed() throws Exception {
    int writers = 8;
    int rowsEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < rowsEach; i++) {
                    // a connection per row, like separate processes
                    try (TraceIndex index = TraceIndex.open(db())) {
                      int n = writer * 1000 + i;
                      index.insert(row(id(n), "/p", List.of(), "2026-01-01T00:00:00.000Z", temp.resolve("r" + n)));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (TraceIndex index = TraceIndex.open(db())) {
      assertThat(index.count()).isEqualTo(writers * rowsEach);
    }
    assertThat(pragma(db(), "integrity_check")).isEqualTo("ok");
  }

  @Test
  void severalOpenersOfANewIndexAtOnceAllSucceed() throws Exception {
    int openers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(openers);
    try {
      for (int round = 0; round < 30; round++) {
        Path file = temp.resolve("round-" + round).resolve("trace_index.db");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int o = 0; o < openers; o++) {
          int n = round * 100 + o;
          done.add(
              pool.submit(
                  () -> {
                    start.await();
                    try (TraceIndex index = TraceIndex.open(file)) {
                      index.insert(row(id(n), "/p", List.of(), "2026-01-01T00:00:00.000Z", temp.resolve("r" + n)));
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get();
        }
        try (TraceIndex index = TraceIndex.open(file)) {
          assertThat(index.count()).isEqualTo(openers);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
