package dev.codetracer.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table printed at the end of a module: test, outcome, recording folder, size. */
final class RecordingSummaryTable {
  record Row(String test, String outcome, String folder, String size) {}

  private static final String[] HEADER = {"Test", "Outcome", "Recording", "Size"};

  private final Path base;
  private final List<Row> rows = new ArrayList<>();

  /** @param base folders are shown relative to it (the module's base directory) */
  RecordingSummaryTable(Path base) {
    this.base = base;
  }

  void add(String test, String outcome, Path folder, Long sizeBytes, String whyNoRecording) {
    String shownFolder = folder == null ? (whyNoRecording == null ? "-" : "none: " + whyNoRecording) : relative(folder);
    rows.add(new Row(test, outcome, shownFolder, sizeBytes == null ? "-" : humanSize(sizeBytes)));
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  private String relative(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
  }

  /** The lines of the table, columns padded to their widest cell. */
  List<String> lines() {
    int[] widths = new int[HEADER.length];
    for (int i = 0; i < HEADER.length; i++) {
      widths[i] = HEADER[i].length();
    }
    for (Row row : rows) {
      String[] cells = cells(row);
      for (int i = 0; i < cells.length; i++) {
        widths[i] = Math.max(widths[i], cells[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(format(HEADER, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
    }
    lines.add(rule.toString());
    rows.forEach(row -> lines.add(format(cells(row), widths)));
    return lines;
  }

  private static String[] cells(Row row) {
    return new String[] {row.test(), row.outcome(), row.folder(), row.size()};
  }

  private static String format(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append("  ");
      }
      line.append(i == cells.length - 1 ? cells[i] : String.format("%-" + widths[i] + "s", cells[i]));
    }
    return line.toString().stripTrailing();
  }

  static String humanSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  }
}
