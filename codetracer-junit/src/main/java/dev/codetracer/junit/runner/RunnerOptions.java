package dev.codetracer.junit.runner;

import dev.codetracer.junit.config.KeepPolicy;
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
  private final List<Path> scanRoots = new ArrayList<>();
  private final Map<String, String> configuration = new LinkedHashMap<>();
  private String testPatterns;
  private Path output;
  private Path result;
  private KeepPolicy keep = KeepPolicy.FAILED;
  private String recordMode = "retain";
  private int maxRecordings = Integer.MAX_VALUE;
  private boolean publish;
  private boolean export;
  private boolean index = true;

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
          "usage: java -javaagent:codetracer-agent.jar=start=api -cp <test class path> "
              + RecordingTestRunner.class.getName() + " [options]",
          "  selection (at least one; they add up):",
          "    --select-unique-id ID       one test (or container) by its JUnit unique id",
          "    --select-class CLASS        a test class",
          "    --select-method CLASS#NAME  a test method, optionally with its parameter types: CLASS#NAME(int, java.lang.String)",
          "    --select-tests PATTERNS     Surefire's -Dtest syntax: Class, Class#method, *, pkg/**/Class, !excluded, comma-separated",
          "    --scan DIR                  a class path root searched by --select-tests (default: the folders on the class path)",
          "  recording:",
          "    --output DIR                where recordings go (required)",
          "    --result FILE               the JSON result file (required)",
          "    --keep failed|all           which tests' recordings to keep (default failed)",
          "    --record-mode retain|rerun  the record_mode written to the metadata (default retain)",
          "    --max-recordings N          keep at most N recordings (default no limit)",
          "    --publish                   register the recordings in the local index and export them as --export",
          "                                and CODETRACER_EXPORT_RECORD_FOLDER say",
          "    --export                    with --publish: also write a zip beside each recording",
          "    --no-index                  with --publish: do not register in the local index",
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
        case "--scan":
          options.scanRoots.add(Path.of(value(args, ++i, arg)).toAbsolutePath().normalize());
          break;
        case "--output":
          options.output = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
          break;
        case "--result":
          options.result = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
          break;
        case "--keep":
          options.keep = keepPolicy(value(args, ++i, arg));
          break;
        case "--record-mode":
          options.recordMode = checkedRecordMode(value(args, ++i, arg));
          break;
        case "--max-recordings":
          options.maxRecordings = count(value(args, ++i, arg));
          break;
        case "--publish":
          options.publish = true;
          break;
        case "--export":
          options.export = true;
          break;
        case "--no-index":
          options.index = false;
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
    if (uniqueIds.isEmpty() && classes.isEmpty() && methods.isEmpty() && testPatterns == null) {
      throw new UsageException("select tests with --select-unique-id, --select-class, --select-method or --select-tests");
    }
    for (String method : methods) {
      if (method.indexOf('#') <= 0) {
        throw new UsageException("--select-method needs CLASS#METHOD, not \"" + method + "\"");
      }
    }
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

  private static String checkedRecordMode(String value) {
    if (!value.equals("retain") && !value.equals("rerun")) {
      throw new UsageException("--record-mode must be retain or rerun, not \"" + value + "\"");
    }
    return value;
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
    scanRoots.forEach(root -> add(args, "--scan", root.toString()));
    add(args, "--output", output.toString());
    add(args, "--result", result.toString());
    add(args, "--keep", keep.name().toLowerCase(Locale.ROOT));
    add(args, "--record-mode", recordMode);
    if (maxRecordings != Integer.MAX_VALUE) {
      add(args, "--max-recordings", Integer.toString(maxRecordings));
    }
    if (publish) {
      args.add("--publish");
    }
    if (export) {
      args.add("--export");
    }
    if (!index) {
      args.add("--no-index");
    }
    configuration.forEach((key, value) -> add(args, "--config", key + "=" + value));
    return args;
  }

  private static void add(List<String> args, String option, String value) {
    args.add(option);
    args.add(value);
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

  public RunnerOptions selectTests(String patterns) {
    testPatterns = patterns;
    return this;
  }

  public RunnerOptions scan(Path root) {
    scanRoots.add(root.toAbsolutePath().normalize());
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

  public RunnerOptions recordMode(String mode) {
    recordMode = checkedRecordMode(mode);
    return this;
  }

  public RunnerOptions maxRecordings(int max) {
    maxRecordings = max;
    return this;
  }

  public RunnerOptions publish(boolean exportBeside, boolean registerInIndex) {
    publish = true;
    export = exportBeside;
    index = registerInIndex;
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

  public List<Path> scanRoots() {
    return List.copyOf(scanRoots);
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

  public String recordMode() {
    return recordMode;
  }

  public int maxRecordings() {
    return maxRecordings;
  }

  public boolean publish() {
    return publish;
  }

  public boolean export() {
    return export;
  }

  public boolean index() {
    return index;
  }

  public Map<String, String> configuration() {
    return Map.copyOf(configuration);
  }
}
