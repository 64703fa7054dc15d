package dev.codetracer.junit.support;

import dev.codetracer.junit.rerun.RunnerJvm;
import dev.codetracer.junit.rerun.TestClassPath;
import dev.codetracer.junit.runner.RunResult;
import dev.codetracer.junit.runner.RunnerCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** codetracer-junit-runner's runner in a JVM of its own, as the Maven plugin starts it. */
public final class RunnerProcess {
  public record Ended(int exitCode, String output) {}

  private RunnerProcess() {}

  /** With this JVM's class path (this module's JUnit, the oldest supported). */
  public static Ended run(Path home, boolean withAgent, List<String> runnerArgs) {
    return run(home, withAgent, TestClassPath.ofThisJvm(), runnerArgs);
  }

  /** With the samples' class path and the given JUnit Platform version's standalone jar. */
  public static Ended run(Path home, boolean withAgent, String junitVersion, List<String> runnerArgs) {
    return run(home, withAgent, TestJvms.sampleClassPath(junitVersion), runnerArgs);
  }

  private static Ended run(Path home, boolean withAgent, List<Path> classPath, List<String> runnerArgs) {
    try {
      Files.createDirectories(home);
      List<String> command = new ArrayList<>();
      command.add(TestJvms.java().toString());
      if (withAgent) {
        command.add("-javaagent:" + TestJvms.agentJar() + "=start=api");
      }
      command.add("-cp");
      command.add(RunnerCommand.joined(classPath));
      command.add(RunnerCommand.MAIN_CLASS);
      command.addAll(runnerArgs);
      Path log = home.resolve("runner-" + System.nanoTime() + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(TestJvms.moduleDir().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().keySet().removeIf(key -> key.startsWith("CODETRACER_"));
      builder.environment().put("HOME", home.toString());
      builder.environment().put("XDG_DATA_HOME", home.resolve("xdg").toString());
      Process process = builder.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the runner did not finish within 5 minutes");
      }
      return new Ended(process.exitValue(), Files.readString(log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static RunResult result(Path file) {
    try {
      return RunnerJvm.readResult(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
