package dev.codetracer.cli.commands;

import dev.codetracer.cli.console.HumanSizes;
import dev.codetracer.core.index.IndexedRecording;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.RecordingJson;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code codetracer list}: the recordings in the local index, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the recordings in the local index, newest first.")
public final class ListCommand implements Callable<Integer> {
  private static final int DEFAULT_LIMIT = 50;
  private static final Pattern FRACTION = Pattern.compile("\\.\\d+Z$");

  @Option(names = "--json", description = "Print the rows as a JSON array, for scripts.")
  boolean json;

  @ArgGroup(exclusive = true)
  Amount amount = new Amount();

  static final class Amount {
    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Show the newest N (default: " + DEFAULT_LIMIT + ").")
    int limit = DEFAULT_LIMIT;

    @Option(names = "--all", description = "Show every recording.")
    boolean all;
  }

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!amount.all && amount.limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + amount.limit);
    }
    LocalRecordings recordings = LocalRecordings.fromEnvironment();
    LocalRecordings.Listing listing = recordings.list(amount.all ? Integer.MAX_VALUE : amount.limit);
    List<IndexedRecording> rows = listing.rows();
    PrintStream out = System.out;
    if (json) {
      out.println(RecordingJson.toJson(rows.stream().map(ListCommand::toJson).toList()));
      return 0;
    }
    if (rows.isEmpty()) {
      recordings.dataDirectory().requireUsable();
      System.err.println("no recordings yet in " + recordings.dataDirectory().indexFile() + " (make one with `codetracer record`)");
      return 0;
    }
    // built by hand rather than with String.format: a listing is start-up time, and Formatter is slow cold
    StringBuilder table = new StringBuilder((rows.size() + 1) * 128);
    int idWidth = rows.stream().mapToInt(row -> listing.shortId(row).length()).max().orElse(RecordingId.MIN_PREFIX_LENGTH);
    appendRow(table, idWidth, "ID", "PROGRAM", "BACKEND", "TEST", "DATE", "SIZE");
    int gone = 0;
    for (IndexedRecording row : rows) {
      boolean present = Files.isDirectory(row.folder());
      gone += present ? 0 : 1;
      appendRow(
          table,
          idWidth,
          listing.shortId(row),
          clip(programLine(row), 40),
          nullToDash(row.backend()),
          clip(row.testName() == null ? "-" : row.testName() + outcome(row), 30),
          row.recordedAt() == null ? "-" : FRACTION.matcher(row.recordedAt().replace('T', ' ')).replaceFirst("Z"),
          present ? HumanSizes.format(row.sizeBytes()) : "gone");
    }
    out.print(table);
    if (gone > 0) {
      System.err.println("(" + (gone == 1 ? "1 of these folders is gone" : gone + " of these folders are gone")
          + ", deleted by a build's clean for one; `codetracer rm --gone` forgets them)");
    }
    if (!amount.all && listing.total() > rows.size()) {
      System.err.println("(the newest " + rows.size() + " of " + listing.total() + "; --all shows every one)");
    }
    return 0;
  }

  private static java.util.Map<String, Object> toJson(IndexedRecording row) {
    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("recording_id", row.recordingId());
    map.put("program", row.program());
    map.put("args", row.args());
    map.put("workdir", row.workdir());
    map.put("backend", row.backend());
    map.put("language", row.language());
    map.put("recorded_at", row.recordedAt());
    map.put("duration_ms", row.durationMs());
    map.put("exit_code", row.exitCode());
    map.put("folder", row.folder().toString());
    map.put("folder_exists", Files.isDirectory(row.folder()));
    map.put("imported", row.imported());
    map.put("size_bytes", row.sizeBytes());
    map.put("test_id", row.testId());
    map.put("test_name", row.testName());
    map.put("test_outcome", row.testOutcome());
    return map;
  }

  /**
   * One line of the table: id, program, backend, test and date left-aligned, size right-aligned.
   * The ids are as long as they must be to tell them apart, so their column is as wide as the longest.
   */
  private static void appendRow(
      StringBuilder line, int idWidth, String id, String program, String backend, String test, String date, String size) {
    pad(line, id, idWidth);
    pad(line, program, 40);
    pad(line, backend, 7);
    pad(line, test, 30);
    pad(line, date, 20);
    line.append(" ".repeat(Math.max(0, 9 - size.length()))).append(size).append(System.lineSeparator());
  }

  private static void pad(StringBuilder line, String text, int width) {
    line.append(text).append(" ".repeat(Math.max(0, width - text.length()))).append("  ");
  }

  private static String programLine(IndexedRecording row) {
    String program = row.program();
    int slash = program.lastIndexOf('/');
    String name = slash >= 0 ? program.substring(slash + 1) : program;
    return row.args().isEmpty() ? name : name + " " + String.join(" ", row.args());
  }

  private static String outcome(IndexedRecording row) {
    return row.testOutcome() == null ? "" : " (" + row.testOutcome() + ")";
  }

  private static String nullToDash(String value) {
    return value == null ? "-" : value;
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
