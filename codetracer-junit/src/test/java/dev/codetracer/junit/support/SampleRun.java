package dev.codetracer.junit.support;

import dev.codetracer.junit.runner.RunnerCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A sample suite run in a JVM of its own, as a build tool would run it: JUnit's ConsoleLauncher
 * of a given version, optionally with the recorder loaded, with its data directory in a
 * temporary folder so nothing touches the real index.
 */
public final class SampleRun {
  private final String junitVersion;
  private final Path home;
  private final List<String> classes = new ArrayList<>();
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private String agentOptions;
  private Path output;

  private SampleRun(String junitVersion, Path home) {
    this.junitVersion = junitVersion;
    this.home = home;
  }

  /** @param home a temporary folder: HOME and XDG_DATA_HOME of the JVM, and the default output below it */
  public static SampleRun of(String junitVersion, Path home) {
    SampleRun run = new SampleRun(junitVersion, home);
    run.output = home.resolve("recordings");
    return run;
  }

  public SampleRun select(Class<?>... testClasses) {
    for (Class<?> type : testClasses) {
      classes.add(type.getName());
    }
    return this;
  }

  public SampleRun selectClassName(String className) {
    classes.add(className);
    return this;
  }

  /** Loads the recorder ({@code start=api} plus these options). */
  public SampleRun withAgent(String extraOptions) {
    agentOptions = "start=api" + (extraOptions == null || extraOptions.isEmpty() ? "" : "," + extraOptions);
    return this;
  }

  public SampleRun withAgent() {
    return withAgent("");
  }

  public SampleRun property(String key, String value) {
    properties.put(key, value);
    return this;
  }

  public SampleRun env(String key, String value) {
    environment.put(key, value);
    return this;
  }

  public SampleRun output(Path folder) {
    output = folder;
    return this;
  }

  public Path output() {
    return output;
  }

  public Path dataDirectory() {
    return home.resolve("xdg").resolve("codetracer");
  }

  public SampleResult run() {
    try {
      Files.createDirectories(home);
      Path reports = Files.createTempDirectory(home, "reports");
      List<String> command = new ArrayList<>();
      command.add(TestJvms.java().toString());
      if (agentOptions != null) {
        command.add("-javaagent:" + TestJvms.agentJar() + "=" + agentOptions);
      }
      if (!properties.containsKey("codetracer.output")) {
        command.add("-Dcodetracer.output=" + output);
      }
      properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.add("-cp");
      command.add(RunnerCommand.joined(TestJvms.sampleClassPath(junitVersion)));
      command.add("org.junit.platform.console.ConsoleLauncher");
      command.add("execute");
      command.add("--disable-banner");
      command.add("--details=none");
      command.add("--reports-dir=" + reports);
      classes.forEach(name -> command.add("--select-class=" + name));
      Path out = home.resolve("stdout-" + System.nanoTime() + ".txt");
      Path err = home.resolve("stderr-" + System.nanoTime() + ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(TestJvms.moduleDir().toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().keySet().removeIf(key -> key.startsWith("CODETRACER_"));
      builder.environment().put("HOME", home.toString());
      builder.environment().put("XDG_DATA_HOME", home.resolve("xdg").toString());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the sample JVM did not finish within 5 minutes: " + command);
      }
      return new SampleResult(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8),
          reports,
          output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
