package dev.codetracer.junit.rerun;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.codetracer.junit.runner.PartialRun;
import dev.codetracer.junit.runner.RunResult;
import dev.codetracer.junit.runner.RunResultFile;
import dev.codetracer.junit.runner.RunnerCommand;
import dev.codetracer.junit.runner.RunnerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM running codetracer-junit-runner's runner under the JVM recorder ({@link
 * RunnerCommand}: {@code java @argfile}, the file holding the JVM options, {@code -javaagent}, the
 * class path, the main class and the runner's options). Its output goes to a log file, never to
 * the tests' output.
 *
 * @param java the {@code java} executable
 * @param jvmOptions options before the class path (heap, {@code -D}, {@code --add-opens}...)
 * @param agentJar the agent jar, or null for a JVM the recorder is not loaded in (rr records it whole)
 * @param agentOptions extra agent options ({@code start=api} is always given)
 */
public record RunnerJvm(
    Path java, List<String> jvmOptions, Path agentJar, String agentOptions, List<Path> classPath, Path workdir, Duration timeout) {

  /**
   * How the JVM ended.
   *
   * @param result the runner's result file, or null when it wrote none
   * @param partial when the JVM ended by itself without a result file, what the runner's journal
   *     says it got through; null when there is no journal (the JVM never reached the runner's run)
   * @param problem why there is no result, or null
   */
  public record Outcome(int exitCode, RunResult result, PartialRun partial, Path log, String problem) {}

  /** The {@code java} running this JVM. */
  public static Path currentJava() {
    return ProcessHandle.current()
        .info()
        .command()
        .map(Path::of)
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  public RunnerCommand command(RunnerOptions options) {
    if (agentJar == null) {
      return new RunnerCommand(java, jvmOptions, null, classPath, options);
    }
    String agent = "-javaagent:" + agentJar + "=start=api";
    if (agentOptions != null && !agentOptions.isBlank()) {
      agent += "," + agentOptions;
    }
    return new RunnerCommand(java, jvmOptions, agent, classPath, options);
  }

  /**
   * Runs the tests the options select and waits for the JVM (at most {@link #timeout}).
   *
   * @param workFolder where the argument file and the log go
   */
  public Outcome run(RunnerOptions options, Path workFolder) throws InterruptedException {
    Path log = workFolder.resolve("runner.log");
    Process process;
    try {
      Files.createDirectories(workFolder);
      process =
          new ProcessBuilder(command(options).write(workFolder.resolve("runner.args")))
              .directory(workdir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
    } catch (IOException e) {
      return new Outcome(-1, null, null, log, "the JVM could not start (" + java + "): " + e.getMessage());
    }
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      return new Outcome(-1, null, null, log, "the JVM did not finish within " + timeout.toSeconds() + " s (codetracer.rerun.timeout); log: " + log);
    }
    int exit = process.exitValue();
    if (!Files.isRegularFile(options.result())) {
      return withoutResult(exit, options.result(), log);
    }
    try {
      return new Outcome(exit, readResult(options.result()), null, log, null);
    } catch (IOException | RuntimeException e) {
      return new Outcome(exit, null, null, log, "cannot read the result file " + options.result() + ": " + e.getMessage() + "; log: " + log);
    }
  }

  private static Outcome withoutResult(int exit, Path resultFile, Path log) {
    String problem = "the JVM ended (exit code " + exit + ") without a result; log: " + log;
    try {
      PartialRun partial = RunJournalFile.besides(resultFile).orElse(null);
      return new Outcome(exit, null, partial, log, problem + lastLine(log));
    } catch (IOException e) {
      return new Outcome(exit, null, null, log, problem + lastLine(log) + "; " + e.getMessage());
    }
  }

  /** The runner's result file, parsed. */
  public static RunResult readResult(Path file) throws IOException {
    return RunResultFile.fromJson(JSON.std.mapFrom(file.toFile()));
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          String line = lines.get(i).strip();
          return " (" + (line.length() > 200 ? line.substring(0, 200) + "..." : line) + ")";
        }
      }
    } catch (IOException | RuntimeException e) {
      // the log is only a hint
    }
    return "";
  }
}
