package dev.codetracer.cli.console;

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
    // by hand, as "%.1f" would print it: `codetracer list` prints fifty of these while the JVM is
    // cold, when a first String.format costs milliseconds
    if (value >= 100) {
      return Math.round(value) + " " + UNITS[unit];
    }
    long tenths = Math.round(value * 10);
    return tenths / 10 + "." + tenths % 10 + " " + UNITS[unit];
  }
}
