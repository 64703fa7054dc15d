package dev.codetracer.core.jvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The agent's options: one comma-separated {@code key=value} string, as JaCoCo's agent takes
 * ({@code -javaagent:codetracer-agent.jar=output=DIR,includes=com.acme.*}); a value's own commas
 * are escaped with a backslash ({@link #escape}). Every option is
 * parsed and checked here; a bad one fails with a one-line message naming it. The agent (which
 * shades this package) parses its option string with it, and {@link JvmRecorder} reads the caps
 * of the same string with it, so the two can never disagree.
 */
public final class AgentOptions {
  public static final String DEFAULT_REDACT = "(?i)(password|passwd|secret|token|api[_-]?key|auth|credential)";
  public static final int DEFAULT_DEPTH = 2;
  public static final int DEFAULT_MAX_STRING = 256;
  public static final int DEFAULT_MAX_ELEMENTS = 50;
  public static final long DEFAULT_MAX_STEPS = ExpansionLimits.DEFAULT_MAX_STEPS;
  public static final long DEFAULT_MAX_EVENTS = ExpansionLimits.DEFAULT_MAX_EVENTS;
  public static final long DEFAULT_MAX_BYTES = ExpansionLimits.DEFAULT_MAX_BYTES;

  /** When the recording starts. */
  public enum Start {
    /** At once, on the thread that runs {@code main}. */
    MAIN,
    /** When {@code dev.codetracer.agent.api.CodeTracer.start} is called, on the calling thread. */
    API
  }

  /** Who turns the change log into the finished recording. */
  public enum Finish {
    /** The agent, when the JVM exits (or at {@code CodeTracer.stop}). */
    AGENT,
    /** {@code codetracer record} (JvmRecorder), after the JVM has exited. */
    EXTERNAL
  }

  private static final List<String> KEYS =
      List.of(
          "output", "includes", "excludes", "depth", "redact", "maxSteps", "maxEvents", "maxBytes",
          "values", "start", "sourcepath", "format", "finish", "maxString", "maxElements", "name", "probes");

  private Path output;
  private List<String> includes = List.of();
  private List<String> excludes = List.of();
  private int depth = DEFAULT_DEPTH;
  private Pattern redact = Pattern.compile(DEFAULT_REDACT);
  private long maxSteps = DEFAULT_MAX_STEPS;
  private long maxEvents = DEFAULT_MAX_EVENTS;
  private long maxBytes = DEFAULT_MAX_BYTES;
  private boolean values = true;
  private Start start = Start.MAIN;
  private List<Path> sourcepath = List.of();
  private String format = "json";
  private Finish finish = Finish.AGENT;
  private int maxString = DEFAULT_MAX_STRING;
  private int maxElements = DEFAULT_MAX_ELEMENTS;
  private String name;
  private boolean lineRuns = true;
  private boolean countedLoops = true;

  /**
   * Parses an option string ({@code null} or empty gives the defaults).
   *
   * @throws IllegalArgumentException with a one-line message naming the bad option
   */
  public static AgentOptions parse(String text) {
    AgentOptions options = new AgentOptions();
    if (text == null || text.isBlank()) {
      return options;
    }
    Map<String, String> seen = new LinkedHashMap<>();
    for (String part : split(text)) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("option \"" + part + "\" is not key=value (known keys: " + String.join(", ", KEYS) + ")");
      }
      String key = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown option \"" + key + "\" (known: " + String.join(", ", KEYS) + ")");
      }
      if (seen.put(key, value) != null) {
        throw new IllegalArgumentException("option \"" + key + "\" is given twice");
      }
      options.set(key, value);
    }
    if (options.format.equals("bin") && options.finish != Finish.EXTERNAL) {
      throw new IllegalArgumentException(
          "option \"format=bin\" needs `codetracer record --format bin`; the agent on its own writes format=json");
    }
    return options;
  }

  /**
   * The {@code key=value} parts of an option string, unescaped: a backslash followed by {@code ,}
   * or {@code \} stands for that character; any other backslash is itself (a Windows path typed by
   * hand stays as it is). Blank parts are left out.
   */
  public static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == ',' || text.charAt(i + 1) == '\\')) {
        part.append(text.charAt(++i));
      } else if (c == ',') {
        addUnlessBlank(parts, part);
      } else {
        part.append(c);
      }
    }
    addUnlessBlank(parts, part);
    return parts;
  }

  private static void addUnlessBlank(List<String> parts, StringBuilder part) {
    if (!part.toString().isBlank()) {
      parts.add(part.toString());
    }
    part.setLength(0);
  }

  /**
   * A value as it goes into an option string, which {@link #parse} reads back unchanged: every
   * {@code ,} and {@code \} escaped with a backslash (only the whitespace around a value is not kept:
   * parse trims it). Launchers that put values of their own (paths, patterns) into an option string
   * escape each with this.
   */
  public static String escape(String value) {
    return value.replace("\\", "\\\\").replace(",", "\\,");
  }

  private void set(String key, String value) {
    switch (key) {
      case "output":
        output = Path.of(nonEmpty(key, value)).toAbsolutePath().normalize();
        break;
      case "includes":
        includes = patterns(value);
        break;
      case "excludes":
        excludes = patterns(value);
        break;
      case "depth":
        depth = (int) number(key, value, 0, 16);
        break;
      case "redact":
        redact = redactPattern(value);
        break;
      case "maxSteps":
        maxSteps = number(key, value, 1, Long.MAX_VALUE);
        break;
      case "maxEvents":
        maxEvents = number(key, value, 1, Long.MAX_VALUE);
        break;
      case "maxBytes":
        maxBytes = bytes(key, value);
        break;
      case "values":
        values = choice(key, value, "full", "none").equals("full");
        break;
      case "start":
        start = Start.valueOf(choice(key, value, "main", "api").toUpperCase(Locale.ROOT));
        break;
      case "sourcepath":
        List<Path> paths = new ArrayList<>();
        for (String entry : value.split(java.io.File.pathSeparator)) {
          if (!entry.isBlank()) {
            paths.add(Path.of(entry).toAbsolutePath().normalize());
          }
        }
        sourcepath = List.copyOf(paths);
        break;
      case "format":
        format = choice(key, value, "json", "bin");
        break;
      case "finish":
        finish = Finish.valueOf(choice(key, value, "agent", "external").toUpperCase(Locale.ROOT));
        break;
      case "maxString":
        maxString = (int) number(key, value, 8, 1 << 20);
        break;
      case "maxElements":
        maxElements = (int) number(key, value, 1, 1 << 16);
        break;
      case "name":
        name = value;
        break;
      case "probes":
        String probes = choice(key, value, "loop", "run", "line");
        lineRuns = !probes.equals("line");
        countedLoops = probes.equals("loop");
        break;
      default:
        throw new IllegalArgumentException("unknown option \"" + key + "\"");
    }
  }

  private static String nonEmpty(String key, String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("option \"" + key + "\" needs a value");
    }
    return value;
  }

  private static List<String> patterns(String value) {
    List<String> patterns = new ArrayList<>();
    for (String pattern : value.split(":")) {
      if (!pattern.isBlank()) {
        patterns.add(pattern.trim());
      }
    }
    return List.copyOf(patterns);
  }

  private static Pattern redactPattern(String value) {
    if (value.equals("none")) {
      return null;
    }
    try {
      return Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("option \"redact\" is not a valid regular expression: " + e.getDescription());
    }
  }

  private static long number(String key, String value, long min, long max) {
    long n;
    try {
      n = Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option \"" + key + "\" must be a whole number, not \"" + value + "\"");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException("option \"" + key + "\" must be between " + min + " and " + max + ", not " + n);
    }
    return n;
  }

  /** A byte count, with an optional k, m or g suffix (powers of 1024). */
  private static long bytes(String key, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    long unit = 1;
    if (lower.endsWith("k") || lower.endsWith("m") || lower.endsWith("g")) {
      unit = lower.endsWith("k") ? 1L << 10 : lower.endsWith("m") ? 1L << 20 : 1L << 30;
      lower = lower.substring(0, lower.length() - 1);
    }
    return Math.multiplyExact(number(key, lower, 1, Long.MAX_VALUE / (1L << 30)), unit);
  }

  private static String choice(String key, String value, String... choices) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!Arrays.asList(choices).contains(lower)) {
      throw new IllegalArgumentException(
          "option \"" + key + "\" must be one of " + String.join(", ", choices) + ", not \"" + value + "\"");
    }
    return lower;
  }

  /** The recording folder (start=main), or null for the data directory's {@code trace-<id>}. */
  public Path output() {
    return output;
  }

  public List<String> includes() {
    return includes;
  }

  public List<String> excludes() {
    return excludes;
  }

  public int depth() {
    return depth;
  }

  /** The redaction pattern, or null when redaction is off ({@code redact=none}). */
  public Pattern redact() {
    return redact;
  }

  public long maxSteps() {
    return maxSteps;
  }

  public long maxEvents() {
    return maxEvents;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** False with {@code values=none}: steps, calls, returns and output only. */
  public boolean values() {
    return values;
  }

  public Start start() {
    return start;
  }

  public List<Path> sourcepath() {
    return sourcepath;
  }

  public String format() {
    return format;
  }

  public Finish finish() {
    return finish;
  }

  public int maxString() {
    return maxString;
  }

  public int maxElements() {
    return maxElements;
  }

  /** The caps, as the expansion applies them. */
  public ExpansionLimits limits() {
    return new ExpansionLimits(maxSteps, maxEvents, maxBytes);
  }

  /**
   * Internal: {@code probes=run} gives the lines of a straight run one shared probe; {@code
   * probes=line} a probe per line; {@code probes=loop} (the default) runs, and with {@code
   * values=none} also loops counted ({@link #countedLoops}). The recording is the same; tests
   * compare them.
   */
  public boolean lineRuns() {
    return lineRuns;
  }

  /**
   * Internal: a loop that runs straight through and runs no code of the program counts its steps
   * in a local and logs them when it is left (steps and calls only).
   */
  public boolean countedLoops() {
    return countedLoops;
  }

  /** A name for the recording (start=main), or null. */
  public String name() {
    return name;
  }
}
