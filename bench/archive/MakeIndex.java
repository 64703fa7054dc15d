import dev.codetracer.core.index.TraceIndex;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Fills a data directory's index with N recordings (the real schema, created by TraceIndex), for
 * the `codetracer list` benchmark.
 *
 * <p>java -cp codetracer.jar bench/archive/MakeIndex.java DATA_DIR N
 */
public class MakeIndex {
  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0], "trace_index.db");
    int rows = Integer.parseInt(args[1]);
    TraceIndex.open(db).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO recordings (recording_id, program, args, workdir, backend, language, recorded_at, duration_ms,"
              + " exit_code, folder, imported, size_bytes, test_id, test_name, test_outcome, registered_at)"
              + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        long start = 1_767_225_600_000L; // 2026-01-01
        for (int i = 0; i < rows; i++) {
          long millis = start + i * 60_000L;
          String id = String.format("%08x-%04x-7%03x-8%03x-%012x", millis >>> 16, millis & 0xffff, i & 0xfff, i & 0xfff, (long) i);
          String time = java.time.Instant.ofEpochMilli(millis).toString().replace("Z", ".000Z").replace(":00.000.000Z", ":00.000Z");
          boolean test = i % 3 == 0;
          insert.setString(1, id);
          insert.setString(2, "/usr/bin/java");
          insert.setString(3, "[\"-cp\",\"target/classes\",\"com.acme.Main" + (i % 50) + "\"]");
          insert.setString(4, "/home/u/project");
          insert.setString(5, i % 5 == 0 ? "rr" : "jvm");
          insert.setString(6, "java");
          insert.setString(7, time);
          insert.setLong(8, 1000 + i % 5000);
          insert.setInt(9, i % 7 == 0 ? 1 : 0);
          insert.setString(10, "/home/u/.local/share/codetracer/trace-" + id);
          insert.setInt(11, 0);
          insert.setLong(12, 100_000L + i * 37L);
          insert.setString(13, test ? "com.acme.FooTest#test" + i + "()" : null);
          insert.setString(14, test ? "FooTest.test" + i : null);
          insert.setString(15, test ? (i % 2 == 0 ? "failed" : "passed") : null);
          insert.setString(16, time);
          insert.addBatch();
          if (i % 10_000 == 9_999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      c.commit();
    }
  }
}
