package dev.codetracer.core.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.RecordingJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The local index of recordings, {@code trace_index.db} in the data directory: one row per
 * recording. It uses WAL and a busy timeout, so several processes recording or importing at
 * once all succeed; they wait for each other instead of failing.
 */
public final class TraceIndex implements AutoCloseable {
  private static final int BUSY_TIMEOUT_MS = 60_000;
  private static final String COLUMNS =
      "recording_id, program, args, workdir, backend, language, recorded_at, duration_ms,"
          + " exit_code, folder, imported, size_bytes, test_id, test_name, test_outcome";

  private static final JsonFactory ARGS_JSON = new JsonFactory();

  private final Path file;
  private final Connection connection;

  private TraceIndex(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens the index, creating it (and its folder) when missing and migrating an old one. */
  public static TraceIndex open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new IndexException(
          "cannot create the data directory " + file.getParent() + ": " + describe(e), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    // transactions take the write lock when they begin, waiting (busy timeout) instead of failing
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
    for (int attempt = 0; ; attempt++) {
      try {
        return new TraceIndex(file, connectAndMigrate(file, config));
      } catch (SQLException e) {
        if (isDamaged(e)) {
          throw new IndexException(
              "cannot open the index " + file + ": it is not a readable SQLite database (" + e.getMessage()
                  + "); move it aside and codetracer starts a new one (the recordings stay in their folders;"
                  + " `codetracer import FOLDER` lists one again)", e);
        }
        if (!isBusy(e) || System.nanoTime() > deadline) {
          throw new IndexException("cannot open the index " + file + ": " + e.getMessage(), e);
        }
        pauseBeforeRetry(attempt);
      }
    }
  }

  private static Connection connectAndMigrate(Path file, SQLiteConfig config) throws SQLException {
    // straight to the driver: DriverManager would first look for every JDBC driver on the class path
    Connection connection = JDBC.createConnection(JDBC.PREFIX + file, config.toProperties());
    try {
      IndexSchema.migrate(connection);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Opening can report a busy database without consulting the busy timeout: switching a new file
   * to WAL and recovering another process's WAL both take locks the busy handler does not cover.
   * Those moments are short, so opening tries again until the busy timeout has passed.
   */
  private static boolean isBusy(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      SQLiteErrorCode code = sqlite.getResultCode();
      return code == SQLiteErrorCode.SQLITE_BUSY
          || code.name().startsWith("SQLITE_BUSY_");
    }
    return e.getErrorCode() == SQLiteErrorCode.SQLITE_BUSY.code;
  }

  /** Not a database, or a damaged one: waiting or retrying cannot help. */
  private static boolean isDamaged(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      SQLiteErrorCode code = sqlite.getResultCode();
      return code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT || code.name().startsWith("SQLITE_CORRUPT_");
    }
    return false;
  }

  private static void pauseBeforeRetry(int attempt) {
    try {
      Thread.sleep(Math.min(100, 5L << Math.min(attempt, 5)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexException("interrupted while waiting for the index to be free", e);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Adds a row.
   *
   * @throws AlreadyIndexedException when the id or the folder is already in the index
   */
  public void insert(IndexedRecording r) {
    String sql =
        "INSERT INTO recordings (" + COLUMNS + ", registered_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, r.recordingId());
      statement.setString(2, r.program());
      statement.setString(3, RecordingJson.toJson(r.args()));
      statement.setString(4, r.workdir());
      statement.setString(5, r.backend());
      statement.setString(6, r.language());
      statement.setString(7, r.recordedAt());
      setLong(statement, 8, r.durationMs());
      if (r.exitCode() == null) {
        statement.setNull(9, Types.INTEGER);
      } else {
        statement.setInt(9, r.exitCode());
      }
      statement.setString(10, r.folder().toString());
      statement.setInt(11, r.imported() ? 1 : 0);
      statement.setLong(12, r.sizeBytes());
      statement.setString(13, r.testId());
      statement.setString(14, r.testName());
      statement.setString(15, r.testOutcome());
      statement.setString(16, Instant.now().toString());
      statement.executeUpdate();
    } catch (SQLiteException e) {
      // extended result codes (SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE) keep the primary code in the low byte
      if ((e.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
        IndexedRecording existing =
            findById(r.recordingId()).or(() -> findByFolder(r.folder())).orElseThrow(() -> failure("insert", e));
        throw new AlreadyIndexedException(existing);
      }
      throw failure("write", e);
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  /**
   * Removes the rows with the given ids and adds a row, in one transaction.
   *
   * @throws AlreadyIndexedException when the id or the folder is still in the index
   */
  public void replace(List<String> removedIds, IndexedRecording r) {
    if (removedIds.isEmpty()) {
      insert(r);
      return;
    }
    try {
      connection.setAutoCommit(false);
      try {
        for (String id : removedIds) {
          remove(id);
        }
        insert(r);
        connection.commit();
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  public Optional<IndexedRecording> findById(String recordingId) {
    return queryOne("SELECT " + COLUMNS + " FROM recordings WHERE recording_id = ?", recordingId);
  }

  /** Rows whose id starts with the prefix, using the primary key's order. */
  public List<IndexedRecording> findByIdPrefix(String prefix) {
    String upper = prefix + "\uffff";
    return query(
        "SELECT " + COLUMNS + " FROM recordings WHERE recording_id >= ? AND recording_id < ? ORDER BY recording_id LIMIT 20",
        prefix,
        upper);
  }

  /** The shortest prefix that tells this id from every other in the index ({@link RecordingId#uniquePrefix}). */
  public String uniquePrefix(String recordingId) {
    return RecordingId.uniquePrefix(
        recordingId,
        neighbour("SELECT recording_id FROM recordings WHERE recording_id < ? ORDER BY recording_id DESC LIMIT 1", recordingId),
        neighbour("SELECT recording_id FROM recordings WHERE recording_id > ? ORDER BY recording_id LIMIT 1", recordingId));
  }

  private String neighbour(String sql, String recordingId) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, recordingId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /** A row whose folder lies inside this one, not the folder itself (folders are stored absolute and normalized). */
  public Optional<IndexedRecording> findInside(Path folder) {
    String path = folder.toAbsolutePath().normalize().toString();
    String inside = path.endsWith(File.separator) ? path : path + File.separator;
    // the folders that start with "<folder>/" sort from it up to "<folder>0" ('0' follows '/')
    String after = inside.substring(0, inside.length() - 1) + (char) (File.separatorChar + 1);
    return queryOne("SELECT " + COLUMNS + " FROM recordings WHERE folder >= ? AND folder < ? LIMIT 1", inside, after);
  }

  public Optional<IndexedRecording> findByFolder(Path folder) {
    return queryOne(
        "SELECT " + COLUMNS + " FROM recordings WHERE folder = ?", folder.toAbsolutePath().normalize().toString());
  }

  /** The row of the same run: same program, arguments and start time (the seed's rule). */
  public Optional<IndexedRecording> findByRun(String program, List<String> args, String recordedAt) {
    return queryOne(
        "SELECT " + COLUMNS + " FROM recordings WHERE program = ? AND recorded_at = ? AND args = ?",
        program,
        recordedAt,
        RecordingJson.toJson(args));
  }

  /** The newest rows first (by start time, then id). */
  public List<IndexedRecording> newest(int limit) {
    return query(
        "SELECT " + COLUMNS + " FROM recordings ORDER BY recorded_at DESC, recording_id DESC LIMIT ?",
        limit);
  }

  public int count() {
    try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM recordings");
        ResultSet rs = statement.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /** Removes a row; true when there was one. */
  public boolean remove(String recordingId) {
    try (PreparedStatement statement =
        connection.prepareStatement("DELETE FROM recordings WHERE recording_id = ?")) {
      statement.setString(1, recordingId);
      return statement.executeUpdate() > 0;
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  private Optional<IndexedRecording> queryOne(String sql, Object... parameters) {
    List<IndexedRecording> rows = query(sql, parameters);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private List<IndexedRecording> query(String sql, Object... parameters) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        List<IndexedRecording> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(read(rs));
        }
        return rows;
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  private static IndexedRecording read(ResultSet rs) throws SQLException {
    List<String> args = parseArgs(rs.getString(3));
    long duration = rs.getLong(8);
    Long durationMs = rs.wasNull() ? null : duration;
    int exit = rs.getInt(9);
    Integer exitCode = rs.wasNull() ? null : exit;
    return new IndexedRecording(
        rs.getString(1),
        rs.getString(2),
        args,
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        durationMs,
        exitCode,
        Path.of(rs.getString(10)),
        rs.getInt(11) != 0,
        rs.getLong(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15));
  }

  /**
   * The {@code args} column: a JSON array of strings. Read with jackson-core's streaming parser, so
   * that {@code codetracer list} does not pay for initialising Jackson's object mapper.
   */
  static List<String> parseArgs(String json) {
    try (JsonParser parser = ARGS_JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return List.of(json);
      }
      List<String> args = new ArrayList<>();
      while (parser.nextToken() == JsonToken.VALUE_STRING) {
        args.add(parser.getText());
      }
      return parser.currentToken() == JsonToken.END_ARRAY && parser.nextToken() == null ? args : List.of(json);
    } catch (IOException e) {
      return List.of(json);
    }
  }

  private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, value);
    }
  }

  private IndexException failure(String action, SQLException e) {
    return new IndexException("cannot " + action + " the index " + file + ": " + e.getMessage(), e);
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage();
  }
}
