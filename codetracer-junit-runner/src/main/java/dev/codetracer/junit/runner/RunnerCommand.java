package dev.codetracer.junit.runner;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts a JVM running {@link RecordingTestRunner}: {@code java @file}, the
 * argument file holding the JVM options, the agent, the class path, the main class and the
 * runner's options, so that no class path or option is too long for the command line.
 *
 * @param jvmOptions options before the class path (heap, {@code -D}, {@code --add-opens}...)
 * @param agentArgument {@code -javaagent:...=start=api,...}, or null to run unrecorded
 * @param classPath the tests' class path with this module's jar and junit-platform-launcher
 */
public record RunnerCommand(Path java, List<String> jvmOptions, String agentArgument, List<Path> classPath, RunnerOptions options) {
  /** {@link RecordingTestRunner}'s name, without loading it (it needs the JUnit Platform Launcher). */
  public static final String MAIN_CLASS = "dev.codetracer.junit.runner.RecordingTestRunner";

  /** Every argument after {@code java}, as the argument file holds them. */
  public List<String> arguments() {
    List<String> arguments = new ArrayList<>();
    if (agentArgument != null) {
      arguments.add(agentArgument);
    }
    arguments.addAll(jvmOptions);
    arguments.add("-cp");
    arguments.add(joined(classPath));
    arguments.add(MAIN_CLASS);
    arguments.addAll(options.toArguments());
    return arguments;
  }

  /** Writes the argument file and returns the command that reads it. */
  public List<String> write(Path argumentFile) throws IOException {
    Files.createDirectories(argumentFile.toAbsolutePath().getParent());
    ArgumentFile.write(argumentFile, arguments());
    return List.of(java.toString(), "@" + argumentFile.toAbsolutePath());
  }

  /** The class path as {@code -cp} takes it. */
  public static String joined(List<Path> classPath) {
    List<String> entries = new ArrayList<>();
    classPath.forEach(entry -> entries.add(entry.toString()));
    return String.join(File.pathSeparator, entries);
  }
}
