package dev.codetracer.core.rr;

import java.util.regex.Pattern;

/** Turns rr's (and other tools') multi-line output into the one line a user is shown. */
final class RrMessages {
  /** rr prefixes fatal errors with their source location: {@code [FATAL ./src/X.cc:306:f()] }. */
  private static final Pattern LOCATION_PREFIX = Pattern.compile("^\\[[A-Z]+ [^\\]]*\\]\\s*");

  /** What the user can do when rr cannot record on this machine. */
  static final String ALTERNATIVES =
      "record on bare metal or in a VM with a virtual PMU (vPMU) enabled, point --rr or CODETRACER_RR"
          + " at a software-counter rr build, or record Java code with the JVM recorder (--backend jvm)";

  private RrMessages() {}

  /**
   * The line that says what went wrong: rr's FATAL line when there is one (without its source
   * location), else the first non-empty line that is not part of a backtrace.
   */
  static String firstMeaningfulLine(String output) {
    if (output == null) {
      return "";
    }
    String first = "";
    for (String raw : output.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("===") || isBacktraceFrame(line)) {
        continue;
      }
      if (line.startsWith("[FATAL") || line.startsWith("[ERROR")) {
        return LOCATION_PREFIX.matcher(line).replaceFirst("");
      }
      if (first.isEmpty()) {
        first = line;
      }
    }
    return first;
  }

  private static boolean isBacktraceFrame(String line) {
    // rr's backtrace lines look like "rr(_ZN2rr...+0x41)[0x55ccc59cb511]"
    return line.endsWith("]") && line.contains("(") && line.contains("[0x");
  }
}
