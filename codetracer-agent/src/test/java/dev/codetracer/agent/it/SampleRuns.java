package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.testing.Jvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs sample programs as real JVM processes, with and without the agent, and remembers each run
 * so that the tests asking about the same run (same output? which values?) share one process.
 */
final class SampleRuns {
  private static final Map<String, CompletableFuture<SampleRun>> RUNS = new ConcurrentHashMap<>();
  private static final AtomicInteger FOLDERS = new AtomicInteger();
  private static final long TIMEOUT_SECONDS = 120;

  static {
    try {
      for (String leftover : new String[] {"recordings", "logs", "data"}) {
        FileTreesForTests.deleteRecursively(Samples.WORK.resolve(leftover));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SampleRuns() {}

  static SampleRun plain(String mainClass, Jvm jvm, Samples.Debug debug, String... args) {
    return cached("plain " + mainClass + " " + jvm + " " + debug + " " + String.join(" ", args),
        () -> run(command(jvm, null, debug, mainClass, args), null));
  }

  /** A recorded run; {@code options} are agent options besides {@code output}. */
  static SampleRun recorded(String mainClass, Jvm jvm, Samples.Debug debug, String options, String... args) {
    return cached("recorded " + mainClass + " " + jvm + " " + debug + " [" + options + "] " + String.join(" ", args), () -> {
      Path folder = newFolder(mainClass);
      String agentOptions = "output=" + folder + (options.isEmpty() ? "" : "," + options);
      return run(command(jvm, agentOptions, debug, mainClass, args), folder);
    });
  }

  static Path newFolder(String label) {
    return Samples.WORK.resolve("recordings").resolve(label.replace('.', '-') + "-" + FOLDERS.incrementAndGet());
  }

  static List<String> command(Jvm jvm, String agentOptions, Samples.Debug debug, String mainClass, String... args) {
    return command(jvm, agentOptions, Samples.classpath(debug), mainClass, args);
  }

  /** The {@code java} command of a run of classes of its own ({@code agentOptions} null: unrecorded). */
  static List<String> command(Jvm jvm, String agentOptions, String classpath, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(jvm.java.toString());
    if (agentOptions != null) {
      command.add("-javaagent:" + Samples.AGENT + "=" + agentOptions);
    }
    command.add("-Xshare:auto");
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  /** Runs a command in the samples' folder, its output captured in files (never a full pipe). */
  static SampleRun run(List<String> command, Path folder) {
    try {
      Path logs = Files.createTempDirectory(Files.createDirectories(Samples.WORK.resolve("logs")), "run");
      Path out = logs.resolve("stdout");
      Path err = logs.resolve("stderr");
      Process process = new ProcessBuilder(command)
          .directory(Samples.SOURCES.toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .start();
      process.getOutputStream().close();
      boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      assertThat(ended).as("%s ended within %d s", command, TIMEOUT_SECONDS).isTrue();
      // not readString: a program may write bytes that are not UTF-8
      return new SampleRun(
          process.exitValue(),
          new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
          new String(Files.readAllBytes(err), StandardCharsets.UTF_8),
          folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static SampleRun cached(String key, java.util.function.Supplier<SampleRun> run) {
    CompletableFuture<SampleRun> future = new CompletableFuture<>();
    CompletableFuture<SampleRun> existing = RUNS.putIfAbsent(key, future);
    if (existing != null) {
      return existing.join();
    }
    try {
      future.complete(run.get());
    } catch (RuntimeException | Error e) {
      future.completeExceptionally(e);
      throw e;
    }
    return future.join();
  }
}
