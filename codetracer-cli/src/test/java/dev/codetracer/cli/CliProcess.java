package dev.codetracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code codetracer} command as a separate process: {@code java -jar
 * codetracer.jar ...} from the build (system property {@code codetracer.jar}), with its own
 * {@code HOME}, {@code XDG_DATA_HOME} and temporary folder inside a sandbox, a timeout, and its
 * exit code, standard output and standard error captured.
 */
final class CliProcess {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

  private final Path sandbox;
  private final Map<String, String> env = new HashMap<>();
  private Path workdir;
  private String extraClasspath;
  private String shellPrefix;
  private boolean onTerminal;
  private boolean throughLauncher;
  private Duration timeout = DEFAULT_TIMEOUT;

  /** What the process did. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    List<String> stderrLines() {
      return stderr.lines().toList();
    }

    /** The one line of an error, asserting that there is exactly one. */
    String singleErrorLine() {
      assertThat(stderrLines()).as("stderr of %s (stdout: %s)", command, stdout).hasSize(1);
      return stderrLines().get(0);
    }

    /** This result, once it is checked that the command succeeded. */
    Result succeeded() {
      assertThat(exitCode).as(toString()).isZero();
      return this;
    }

    /** The command's one-line error, once it is checked that it failed with it. */
    String errorLine() {
      assertThat(exitCode).as(toString()).isEqualTo(1);
      String line = singleErrorLine();
      assertThat(line).startsWith("codetracer: error: ");
      return line;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + " of " + String.join(" ", command) + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  private CliProcess(Path sandbox) {
    this.sandbox = sandbox;
    this.workdir = sandbox;
    env.put("HOME", sandbox.resolve("home").toString());
    env.put("XDG_DATA_HOME", sandbox.resolve("xdg").toString());
  }

  /** A runner whose HOME is sandbox/home and whose data directory is sandbox/xdg/codetracer. */
  static CliProcess in(Path sandbox) {
    try {
      // the JVM's temporary folder (sqlite-jdbc unpacks its library there) lies in the sandbox too
      Files.createDirectories(sandbox.resolve("tmp"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new CliProcess(sandbox);
  }

  /** bin/codetracer's start-up preparations, made once per build and used by every process here. */
  private static final List<String> STARTUP_FLAGS = prepareStartup();

  /**
   * Runs the launcher once (without building) so that it prepares its AppCDS archive and unpacks
   * the SQLite library next to the jar; the processes then start like the launcher's. When that is
   * not possible the processes simply start without them.
   */
  private static List<String> prepareStartup() {
    Path jar = jar();
    Path target = jar.getParent();
    Path launcher = launcher();
    if (Files.isExecutable(launcher)) {
      try {
        Path home = Files.createTempDirectory("codetracer-it-launcher");
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "--version")
            .redirectErrorStream(true).redirectOutput(home.resolve("out.txt").toFile());
        builder.environment().put("CODETRACER_SKIP_BUILD", "1");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("xdg").toString());
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
        dev.codetracer.core.io.FileTrees.deleteQuietly(home);
      } catch (IOException e) {
        // start without the preparations
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<String> flags = new ArrayList<>();
    Path cds = target.resolve("codetracer.jsa");
    if (Files.isRegularFile(cds) && isNewer(cds, jar)) {
      flags.addAll(List.of("-XX:SharedArchiveFile=" + cds, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }
    Path sqlite = target.resolve("native/libsqlitejdbc.so");
    if (Files.isRegularFile(sqlite)) {
      flags.addAll(List.of("-Dorg.sqlite.lib.path=" + sqlite.getParent(), "-Dorg.sqlite.lib.name=libsqlitejdbc.so"));
    }
    return List.copyOf(flags);
  }

  private static boolean isNewer(Path a, Path b) {
    try {
      return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("codetracer.jar", "target/codetracer.jar")).toAbsolutePath();
    assertThat(jar).as("the CLI jar (run the ITs with mvn verify)").isRegularFile();
    return jar;
  }

  /** {@code bin/codetracer} of the checkout the jar was built in. */
  static Path launcher() {
    return jar().getParent().getParent().getParent().resolve("bin/codetracer");
  }

  static Path dataDirectory(Path sandbox) {
    return sandbox.resolve("xdg/codetracer");
  }

  CliProcess env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  CliProcess workdir(Path dir) {
    this.workdir = dir;
    return this;
  }

  /** Runs the CLI's main class with these entries on the class path after the jar (test recorders). */
  CliProcess extraClasspath(String classes) {
    this.extraClasspath = classes;
    return this;
  }

  /** Runs {@code bash -c 'PREFIX; exec java ...'}, e.g. {@code ulimit -f 2048}. */
  CliProcess shellPrefix(String prefix) {
    this.shellPrefix = prefix;
    return this;
  }

  /** Runs the process on a pseudo-terminal ({@code script}); its stdout then holds stdout and stderr. */
  CliProcess onTerminal() {
    this.onTerminal = true;
    return this;
  }

  /** Runs {@code bin/codetracer} (without building), as a user would, instead of {@code java -jar}. */
  CliProcess throughLauncher() {
    this.throughLauncher = true;
    return this;
  }

  CliProcess timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  Result run(String... args) {
    return run(List.of(args));
  }

  Result run(List<String> args) {
    List<String> jvm = new ArrayList<>();
    jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    jvm.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseG1GC", "-XX:-UsePerfData", "-Xshare:auto"));
    jvm.addAll(STARTUP_FLAGS);
    jvm.add("-Djava.io.tmpdir=" + sandbox.resolve("tmp"));
    if (extraClasspath == null) {
      jvm.addAll(List.of("-jar", jar().toString()));
    } else {
      jvm.addAll(List.of("-cp", jar() + java.io.File.pathSeparator + extraClasspath, CodeTracerCli.class.getName()));
    }
    jvm.addAll(args);
    List<String> command = jvm;
    if (throughLauncher) {
      command = new ArrayList<>(List.of("bash", launcher().toString()));
      command.addAll(args);
    }
    if (shellPrefix != null || onTerminal) {
      StringBuilder script = new StringBuilder(shellPrefix == null ? "true" : shellPrefix).append("; exec");
      for (String word : command) {
        script.append(" '").append(word.replace("'", "'\\''")).append('\'');
      }
      command = onTerminal
          ? List.of("script", "-qefc", script.toString(), "/dev/null")
          : List.of("bash", "-c", script.toString());
    }
    try {
      // captured outside the sandbox, so that the sandbox's snapshots see only what the CLI wrote
      Path out = Files.createTempFile("codetracer-it-out", ".txt");
      Path err = Files.createTempFile("codetracer-it-err", ".txt");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CODETRACER_") || name.startsWith("XDG_"));
        builder.environment().putAll(env);
        if (throughLauncher) {
          builder.environment().put("CODETRACER_SKIP_BUILD", "1");
        }
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
          throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command)
              + "\n--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
        }
        return new Result(args, process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }
}
