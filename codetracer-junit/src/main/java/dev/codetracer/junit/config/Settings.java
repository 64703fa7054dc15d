package dev.codetracer.junit.config;

import dev.codetracer.junit.runner.KeepPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every {@code codetracer.*} setting, read once and checked. A bad value never fails a test: it
 * is reported in one line and the default is used instead.
 *
 * @param mode {@link RecordMode#RERUN} whenever {@code backend} is rr
 * @param rr the rr executable named by configuration (a path, relative to the working directory,
 *     or a name on the PATH), or null for {@code CODETRACER_RR}, then the PATH
 * @param agentJar the agent jar named by configuration, or null to look for it (see {@code
 *     AgentJarLocator})
 * @param java the {@code java} of the rerun JVM, or null for the one running the tests
 */
public record Settings(
    boolean enabled,
    boolean all,
    RecordMode mode,
    Backend backend,
    Path rr,
    Path output,
    KeepPolicy keep,
    boolean index,
    boolean export,
    int maxRecordings,
    long maxSizeBytes,
    Duration rerunTimeout,
    List<String> rerunJvmArgs,
    Path java,
    Path agentJar,
    String agentOptions) {

  public static final int DEFAULT_MAX_RECORDINGS = 10;
  public static final long DEFAULT_MAX_SIZE_BYTES = 100L << 20;
  /**
   * With rr: a packed trace of a JVM holds copies of the JDK's libraries and its {@code modules}
   * file (about 150 MB on JDK 17) before the test's own events.
   */
  public static final long DEFAULT_RR_MAX_SIZE_BYTES = 1L << 30;
  public static final Duration DEFAULT_RERUN_TIMEOUT = Duration.ofMinutes(2);

  /**
   * Reads the settings.
   *
   * @param parameters the configuration parameters (JUnit's lookup order)
   * @param workdir where relative paths are resolved (the test JVM's working directory)
   * @param problems receives one line per value that could not be used
   */
  public static Settings read(Function<String, Optional<String>> parameters, Path workdir, Consumer<String> problems) {
    Reader reader = new Reader(parameters, problems);
    // the Maven plugin's -Dcodetracer.skip=true reaches the test JVM too: skipping means no recording at all
    boolean enabled = reader.bool(ConfigurationKeys.ENABLED, true) && !reader.bool(ConfigurationKeys.SKIP, false);
    boolean all = reader.bool(ConfigurationKeys.ALL, false);
    RecordMode mode = reader.choice(ConfigurationKeys.MODE, RecordMode.class, RecordMode.AUTO);
    Backend backend = reader.choice(ConfigurationKeys.BACKEND, Backend.class, Backend.JVM);
    return new Settings(
        enabled,
        all,
        modeFor(backend, mode, problems),
        backend,
        reader.text(ConfigurationKeys.RR).map(Path::of).orElse(null), // rr resolves it: a path, or a name on the PATH
        reader.path(ConfigurationKeys.OUTPUT, workdir).orElseGet(() -> defaultOutput(workdir)),
        reader.choice(ConfigurationKeys.KEEP, KeepPolicy.class, KeepPolicy.FAILED),
        reader.bool(ConfigurationKeys.INDEX, true),
        reader.bool(ConfigurationKeys.EXPORT, false),
        (int) reader.number(ConfigurationKeys.MAX_RECORDINGS, DEFAULT_MAX_RECORDINGS, 0, 100_000),
        reader.bytes(ConfigurationKeys.MAX_SIZE, backend == Backend.RR ? DEFAULT_RR_MAX_SIZE_BYTES : DEFAULT_MAX_SIZE_BYTES),
        Duration.ofSeconds(reader.number(ConfigurationKeys.RERUN_TIMEOUT, DEFAULT_RERUN_TIMEOUT.toSeconds(), 1, 86_400)),
        reader.words(ConfigurationKeys.RERUN_JVM_ARGS),
        reader.path(ConfigurationKeys.RERUN_JAVA, workdir).orElse(null),
        reader.path(ConfigurationKeys.AGENT_JAR, workdir).orElse(null),
        reader.text(ConfigurationKeys.AGENT_OPTIONS).orElse(""));
  }

  /** rr records whole processes, not a test inside one: with it, failed tests are always run again. */
  private static RecordMode modeFor(Backend backend, RecordMode mode, Consumer<String> problems) {
    if (backend != Backend.RR) {
      return mode;
    }
    if (mode == RecordMode.RETAIN) {
      problems.accept(
          ConfigurationKeys.MODE + "=retain cannot be used with " + ConfigurationKeys.BACKEND
              + "=rr (rr records whole JVMs, so failed tests are run again); using rerun");
    }
    return RecordMode.RERUN;
  }

  /** {@code target/codetracer}, or {@code build/codetracer} in a Gradle project. */
  static Path defaultOutput(Path workdir) {
    boolean gradle =
        !Files.exists(workdir.resolve("pom.xml"))
            && (Files.exists(workdir.resolve("build.gradle")) || Files.exists(workdir.resolve("build.gradle.kts")));
    return workdir.resolve(gradle ? "build" : "target").resolve("codetracer").toAbsolutePath().normalize();
  }

  private static final class Reader {
    private final Function<String, Optional<String>> parameters;
    private final Consumer<String> problems;

    Reader(Function<String, Optional<String>> parameters, Consumer<String> problems) {
      this.parameters = parameters;
      this.problems = problems;
    }

    Optional<String> text(String key) {
      return parameters.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    boolean bool(String key, boolean fallback) {
      Optional<String> value = text(key);
      if (value.isEmpty()) {
        return fallback;
      }
      switch (value.get().toLowerCase(Locale.ROOT)) {
        case "true":
          return true;
        case "false":
          return false;
        default:
          return invalid(key, value.get(), "true or false", fallback);
      }
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
      Optional<String> value = text(key);
      if (value.isEmpty()) {
        return fallback;
      }
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(value.get())) {
          return constant;
        }
      }
      List<String> names = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        names.add(constant.name().toLowerCase(Locale.ROOT));
      }
      return invalid(key, value.get(), "one of " + String.join(", ", names), fallback);
    }

    long number(String key, long fallback, long min, long max) {
      Optional<String> value = text(key);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        long n = Long.parseLong(value.get().replace("_", ""));
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      return invalid(key, value.get(), "a whole number from " + min + " to " + max, fallback);
    }

    /** A size in bytes, with an optional k, m or g suffix (powers of 1024). */
    long bytes(String key, long fallback) {
      Optional<String> value = text(key);
      if (value.isEmpty()) {
        return fallback;
      }
      String lower = value.get().toLowerCase(Locale.ROOT);
      long unit = 1;
      if (lower.endsWith("b")) {
        lower = lower.substring(0, lower.length() - 1);
      }
      if (lower.endsWith("k") || lower.endsWith("m") || lower.endsWith("g")) {
        unit = lower.endsWith("k") ? 1L << 10 : lower.endsWith("m") ? 1L << 20 : 1L << 30;
        lower = lower.substring(0, lower.length() - 1);
      }
      try {
        long n = Long.parseLong(lower.trim());
        if (n > 0 && n <= (Long.MAX_VALUE >> 30)) {
          return n * unit;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      return invalid(key, value.get(), "a size such as 500k, 100m or 2g", fallback);
    }

    Optional<Path> path(String key, Path workdir) {
      return text(key).map(value -> workdir.resolve(value).toAbsolutePath().normalize());
    }

    List<String> words(String key) {
      return text(key).map(value -> List.of(value.split("\\s+"))).orElse(List.of());
    }

    private <T> T invalid(String key, String value, String expected, T fallback) {
      problems.accept(key + "=" + value + " is not " + expected + "; using " + describe(fallback));
      return fallback;
    }

    private static String describe(Object value) {
      if (value instanceof Enum<?>) {
        return ((Enum<?>) value).name().toLowerCase(Locale.ROOT);
      }
      return String.valueOf(value);
    }
  }
}
