package dev.codetracer.maven;

import dev.codetracer.core.jvm.AgentOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JVM recorder's option string ({@code key=value,...}, as {@code -javaagent:jar=} takes it)
 * built from the plugin's parameters, each value escaped ({@link AgentOptions#escape}). The agent
 * checks every option itself and stops the JVM with a one-line message naming a bad one.
 */
final class RecorderOptions {
  private final List<String> options = new ArrayList<>();

  RecorderOptions add(String key, String value) {
    if (value != null && !value.isBlank()) {
      options.add(key + "=" + AgentOptions.escape(value.trim()));
    }
    return this;
  }

  /** Class patterns, which the agent separates with {@code :}. */
  RecorderOptions addPatterns(String key, List<String> patterns) {
    if (patterns != null && !patterns.isEmpty()) {
      add(key, patterns.stream().map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.joining(":")));
    }
    return this;
  }

  /** Source folders (the agent also looks under the working directory by itself). */
  RecorderOptions addSourcePath(List<Path> roots) {
    List<String> existing = roots.stream().filter(p -> p.toFile().isDirectory()).map(Path::toString).collect(Collectors.toList());
    if (!existing.isEmpty()) {
      add("sourcepath", String.join(File.pathSeparator, existing));
    }
    return this;
  }

  /** Options given verbatim ({@code codetracer.agentOptions}), after ours so they win. */
  RecorderOptions addVerbatim(String text) {
    if (text != null && !text.isBlank()) {
      options.add(text.trim());
    }
    return this;
  }

  @Override
  public String toString() {
    return String.join(",", options);
  }

  /** The {@code -javaagent:} argument, quoted for an argLine when the path has spaces. */
  static String javaagent(Path jar, String options, boolean quoteForArgLine) {
    String argument = "-javaagent:" + jar + (options.isEmpty() ? "" : "=" + options);
    if (quoteForArgLine && argument.matches(".*\\s.*")) {
      return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return argument;
  }
}
