package dev.codetracer.cli.console;

import java.util.Locale;

/** Sizes as people read them: 1.2 MB, 340 KB, 12 B. */
public final class HumanSizes {
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

  private HumanSizes() {}

  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, UNITS[unit]);
  }
}
