package dev.codetracer.junit.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@link RecordingTestRunner}, parsed and checked; callers that start the
 * runner (the JUnit extension's rerun, the Maven plugin) build one and use {@link #toArguments}.
 */
public final class RunnerOptions {
  private final List<String> uniqueIds = new ArrayList<>();
  private final List<String> classes = new ArrayList<>();
  private final List<String> methods = new ArrayList<>();
  private final List<String> includes = new ArrayList<>();
  private final List<String> excludes = new ArrayList<>();
  private final List<Path> scanRoots = new ArrayList<>();
  private final List<String> includeTags = new ArrayList<>();
  private final List<String> excludeTags = new ArrayList<>();
  private final Map<String, String> configuration = new LinkedHashMap<>();
  private String testPatterns;
  private Path output;
  private Path result;
  private KeepPolicy keep = KeepPolicy.FAILED;
  private int maxRecordings = Integer.MAX_VALUE;
  private boolean unrecorded;

  /** A command line the runner cannot use; the message says which option and why. */
  public static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  public static final String USAGE =
      String.join(
          "\n",
          "usage: java -javaagent:codetracer-agent.jar=start=api -cp <test class path>:<this jar> "
              + RunnerCommand.MAIN_CLASS + " [options]",
          "  selection (at least one; they add up):",
          "    --select-unique-id ID       one test (or container) by its JUnit unique id",
          "    --select-class CLASS        a test class",
          "    --select-method CLASS#NAME  a test method, optionally with its parameter types: CLASS#NAME(int, java.lang.String)",
          "    --select-tests PATTERNS     Surefire's -Dtest syntax: Class, Class#method+other, *, pkg/**/Class, %regex[...],",
          "                                !excluded, comma-separated; it replaces the includes, as -Dtest does",
          "    --include PATTERN           a Surefire <include> (**/*Test.java); default Surefire's four",
          "    --exclude PATTERN           a Surefire <exclude>; default Surefire's (nested classes run with their outer class)",
          "    --scan DIR                  a class path folder whose test classes the three above pick (default, when one of",
          "                                them is given: the folders on the class path)",
          "    --include-tag EXPRESSION    only tests with these JUnit tags (a tag expression; Surefire's <groups>)",
          "    --exclude-tag EXPRESSION    no tests with these tags (Surefire's <excludedGroups>)",
          "  recording:",
          "    --output DIR                where recordings go (required)",
          "    --result FILE               the JSON result file (required)",
          "    --keep failed|all           which tests' recordings to keep (default failed)",
          "    --max-recordings N          keep at most N recordings (default no limit)",
          "    --unrecorded                run the tests without recording them, for their outcomes only",
          "    --config KEY=VALUE          a JUnit configuration parameter for the run");

  public static RunnerOptions parse(List<String> args) {
    RunnerOptions options = new RunnerOptions();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--select-unique-id":
          options.uniqueIds.add(value(args, ++i, arg));
          break;
        case "--select-class":
          options.classes.add(value(args, ++i, arg));
          break;
        case "--select-method":
          options.methods.add(value(args, ++i, arg));
          break;
        case "--select-tests":
          options.testPatterns = value(args, ++i, arg);
          break;
        case "--include":
          options.includes.add(value(args, ++i, arg));
          break;
        case "--exclude":
          options.excludes.add(value(args, ++i, arg));
          break;
        case "--scan":
          options.scan(Path.of(value(args, ++i, arg)));
          break;
        case "--include-tag":
          options.includeTags.add(value(args, ++i, arg));
          break;
        case "--exclude-tag":
          options.excludeTags.add(value(args, ++i, arg));
          break;
        case "--output":
          options.output(Path.of(value(args, ++i, arg)));
          break;
        case "--result":
          options.result(Path.of(value(args, ++i, arg)));
          break;
        case "--keep":
          options.keep = keepPolicy(value(args, ++i, arg));
          break;
        case "--max-recordings":
          options.maxRecordings = count(value(args, ++i, arg));
          break;
        case "--unrecorded":
          options.unrecorded = true;
          break;
        case "--config":
          String pair = value(args, ++i, arg);
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new UsageException("--config needs KEY=VALUE, not \"" + pair + "\"");
          }
          options.configuration.put(pair.substring(0, eq), pair.substring(eq + 1));
          break;
        default:
          throw new UsageException("unknown option \"" + arg + "\" (--help lists them)");
      }
    }
    options.check();
    return options;
  }

  private void check() {
    if (output == null) {
      throw new UsageException("--output DIR is required");
    }
    if (result == null) {
      throw new UsageException("--result FILE is required");
    }
    if (uniqueIds.isEmpty() && classes.isEmpty() && methods.isEmpty() && !scans()) {
      throw new UsageException("select tests with --select-unique-id, --select-class, --select-method, --select-tests or --scan");
    }
    for (String method : methods) {
      if (method.indexOf('#') <= 0) {
        throw new UsageException("--select-method needs CLASS#METHOD, not \"" + method + "\"");
      }
    }
    testSelection();
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(index);
  }

  private static KeepPolicy keepPolicy(String value) {
    try {
      return KeepPolicy.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--keep must be failed or all, not \"" + value + "\"");
    }
  }

  private static int count(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--max-recordings must be a whole number, not \"" + value + "\"");
  }

  /** The command line that {@link #parse} reads back into these options. */
  public List<String> toArguments() {
    List<String> args = new ArrayList<>();
    uniqueIds.forEach(id -> add(args, "--select-unique-id", id));
    classes.forEach(name -> add(args, "--select-class", name));
    methods.forEach(name -> add(args, "--select-method", name));
    if (testPatterns != null) {
      add(args, "--select-tests", testPatterns);
    }
    includes.forEach(pattern -> add(args, "--include", pattern));
    excludes.forEach(pattern -> add(args, "--exclude", pattern));
    scanRoots.forEach(root -> add(args, "--scan", root.toString()));
    includeTags.forEach(tag -> add(args, "--include-tag", tag));
    excludeTags.forEach(tag -> add(args, "--exclude-tag", tag));
    add(args, "--output", output.toString());
    add(args, "--result", result.toString());
    add(args, "--keep", keep.name().toLowerCase(Locale.ROOT));
    if (maxRecordings != Integer.MAX_VALUE) {
      add(args, "--max-recordings", Integer.toString(maxRecordings));
    }
    if (unrecorded) {
      args.add("--unrecorded");
    }
    configuration.forEach((key, value) -> add(args, "--config", key + "=" + value));
    return args;
  }

  private static void add(List<String> args, String option, String value) {
    args.add(option);
    args.add(value);
  }

  /** True when test classes are picked from class path folders by patterns. */
  boolean scans() {
    return testPatterns != null || !includes.isEmpty() || !excludes.isEmpty() || !scanRoots.isEmpty();
  }

  /**
   * The patterns that pick the scanned test classes and their methods, or null when nothing is
   * scanned.
   *
   * @throws UsageException for a pattern that cannot be read
   */
  TestSelection testSelection() {
    if (!scans()) {
      return null;
    }
    try {
      return TestSelection.of(testPatterns, includes, excludes);
    } catch (IllegalArgumentException e) {
      throw new UsageException("the test patterns cannot be read: " + e.getMessage());
    }
  }

  public RunnerOptions selectUniqueId(String uniqueId) {
    uniqueIds.add(uniqueId);
    return this;
  }

  public RunnerOptions selectClass(String className) {
    classes.add(className);
    return this;
  }

  public RunnerOptions selectMethod(String classAndMethod) {
    methods.add(classAndMethod);
    return this;
  }

  /** Surefire's {@code -Dtest} syntax; null for none. */
  public RunnerOptions selectTests(String patterns) {
    testPatterns = patterns;
    return this;
  }

  /** A Surefire {@code <include>}. */
  public RunnerOptions include(String pattern) {
    includes.add(pattern);
    return this;
  }

  /** A Surefire {@code <exclude>}. */
  public RunnerOptions exclude(String pattern) {
    excludes.add(pattern);
    return this;
  }

  public RunnerOptions scan(Path root) {
    scanRoots.add(root.toAbsolutePath().normalize());
    return this;
  }

  public RunnerOptions includeTag(String expression) {
    includeTags.add(expression);
    return this;
  }

  public RunnerOptions excludeTag(String expression) {
    excludeTags.add(expression);
    return this;
  }

  public RunnerOptions output(Path folder) {
    output = folder.toAbsolutePath().normalize();
    return this;
  }

  public RunnerOptions result(Path file) {
    result = file.toAbsolutePath().normalize();
    return this;
  }

  public RunnerOptions keep(KeepPolicy policy) {
    keep = policy;
    return this;
  }

  public RunnerOptions maxRecordings(int max) {
    maxRecordings = max;
    return this;
  }

  /** Runs the tests without recording them (their outcomes only). */
  public RunnerOptions unrecorded() {
    unrecorded = true;
    return this;
  }

  public RunnerOptions configuration(String key, String value) {
    configuration.put(key, value);
    return this;
  }

  public List<String> uniqueIds() {
    return List.copyOf(uniqueIds);
  }

  public List<String> classes() {
    return List.copyOf(classes);
  }

  public List<String> methods() {
    return List.copyOf(methods);
  }

  public String testPatterns() {
    return testPatterns;
  }

  public List<String> includes() {
    return List.copyOf(includes);
  }

  public List<String> excludes() {
    return List.copyOf(excludes);
  }

  public List<Path> scanRoots() {
    return List.copyOf(scanRoots);
  }

  public List<String> includeTags() {
    return List.copyOf(includeTags);
  }

  public List<String> excludeTags() {
    return List.copyOf(excludeTags);
  }

  public Path output() {
    return output;
  }

  public Path result() {
    return result;
  }

  public KeepPolicy keep() {
    return keep;
  }

  public int maxRecordings() {
    return maxRecordings;
  }

  public boolean isUnrecorded() {
    return unrecorded;
  }

  public Map<String, String> configuration() {
    return Map.copyOf(configuration);
  }
}
