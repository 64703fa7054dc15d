package dev.codetracer.core.index;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The versioned schema of {@code trace_index.db}. {@code PRAGMA user_version} holds the version;
 * opening an older file applies the missing migrations in order, inside one write transaction so
 * that two processes opening a new index at once do not both migrate it.
 */
final class IndexSchema {
  /** Migration {@code i} brings the schema from version {@code i} to {@code i + 1}. */
  private static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              "CREATE TABLE recordings ("
                  + " recording_id TEXT PRIMARY KEY,"
                  + " program TEXT NOT NULL,"
                  + " args TEXT NOT NULL,"
                  + " workdir TEXT,"
                  + " backend TEXT,"
                  + " language TEXT,"
                  + " recorded_at TEXT,"
                  + " duration_ms INTEGER,"
                  + " exit_code INTEGER,"
                  + " folder TEXT NOT NULL UNIQUE,"
                  + " imported INTEGER NOT NULL DEFAULT 0,"
                  + " size_bytes INTEGER NOT NULL DEFAULT 0,"
                  + " test_id TEXT,"
                  + " test_name TEXT,"
                  + " test_outcome TEXT,"
                  + " registered_at TEXT NOT NULL)",
              "CREATE INDEX recordings_by_time ON recordings(recorded_at DESC)",
              "CREATE INDEX recordings_by_program ON recordings(program, recorded_at)",
              "CREATE INDEX recordings_by_test ON recordings(test_id, recorded_at)"));

  static final int CURRENT_VERSION = MIGRATIONS.size();

  private IndexSchema() {}

  static void migrate(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      int version = userVersion(statement);
      if (version == CURRENT_VERSION) {
        return;
      }
      statement.execute("BEGIN IMMEDIATE");
      try {
        version = userVersion(statement);
        if (version > CURRENT_VERSION) {
          throw new SQLException(
              "the index was written by a newer codetracer (schema "
                  + version
                  + ", this one knows "
                  + CURRENT_VERSION
                  + ")");
        }
        for (int v = version; v < CURRENT_VERSION; v++) {
          for (String sql : MIGRATIONS.get(v)) {
            statement.execute(sql);
          }
        }
        statement.execute("PRAGMA user_version = " + CURRENT_VERSION);
        statement.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        statement.execute("ROLLBACK");
        throw e;
      }
    }
  }

  private static int userVersion(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
