package dev.codetracer.maven.tests;

import dev.codetracer.core.jvm.RecordedJvmOptions;
import dev.codetracer.core.jvm.RecordedStacks;
import dev.codetracer.core.jvm.ValueCodeInlining;
import dev.codetracer.junit.runner.RunnerCommand;
import dev.codetracer.junit.runner.RunnerOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The test JVM: the command that runs codetracer-junit-runner's runner with the project's test
 * class path and the user's Surefire settings, and running it. Everything after {@code java} goes
 * into an argument file, so that no class path is too long for a command line.
 *
 * @param java the java executable
 * @param jvmArguments the user's argLine, split, without a codetracer agent
 * @param systemProperties Surefire's system properties (and {@code basedir}, as Surefire sets it)
 * @param environment the whole environment of the test JVM
 * @param workingDirectory where the tests run
 * @param classpath the test class path, then what the runner needs
 * @param workFolder where the argument files and results go
 * @param timeoutSeconds Surefire's {@code forkedProcessTimeoutInSeconds}, 0 for none
 */
public record ForkedTestRun(
    Path java,
    List<String> jvmArguments,
    Map<String, String> systemProperties,
    Map<String, String> environment,
    Path workingDirectory,
    List<Path> classpath,
    Path workFolder,
    long timeoutSeconds) {

  /** The JVM did not end within {@link #timeoutSeconds} and was killed. */
  public static final int TIMED_OUT = -1;

  /**
   * The runner's command line for one run.
   *
   * @param agentArgument {@code -javaagent:...} of the JVM recorder, or null to run unrecorded
   */
  public RunnerCommand runner(String agentArgument, RunnerOptions options) {
    List<String> jvmOptions = new ArrayList<>(jvmArguments);
    systemProperties.forEach((key, value) -> jvmOptions.add("-D" + key + "=" + value));
    if (agentArgument != null) {
      jvmOptions.add(RecordedStacks.option(jvmOptions, environment));
      jvmOptions.addAll(
          RecordedJvmOptions.forRecordedJvm(ValueCodeInlining.agentOptionsOf(agentArgument), jvmOptions, environment, workingDirectory));
    }
    return new RunnerCommand(java, jvmOptions, agentArgument, classpath, options);
  }

  /**
   * The command for one run, its argument file written into the work folder.
   *
   * @param name the argument file's name
   */
  public List<String> command(String agentArgument, RunnerOptions options, String name) throws IOException {
    return runner(agentArgument, options).write(workFolder.resolve(name));
  }

  /** Runs the JVM with the build's output; returns its exit status, or {@link #TIMED_OUT}. */
  public int run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close(); // tests get no input, as under Surefire
    try {
      if (timeoutSeconds > 0 && !process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return TIMED_OUT;
      }
      return process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The environment Surefire gives its fork: the build's, less the excluded, plus the configured. */
  public static Map<String, String> environment(Map<String, String> inherited, List<String> excluded, Map<String, String> configured) {
    Map<String, String> environment = new LinkedHashMap<>(inherited);
    excluded.forEach(environment::remove);
    environment.putAll(configured);
    return environment;
  }
}
