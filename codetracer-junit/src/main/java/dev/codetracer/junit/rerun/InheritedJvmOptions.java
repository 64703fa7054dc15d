package dev.codetracer.junit.rerun;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JVM options of this test JVM that a fresh JVM running the same tests should get: its
 * command-line options (heap, {@code --add-opens}, {@code -D}...) minus agents and debuggers, and
 * the system properties set while it ran (Surefire's {@code systemPropertyVariables} are set that
 * way), minus those every JVM computes for itself.
 */
public final class InheritedJvmOptions {
  private static final List<String> DROPPED_OPTIONS =
      List.of("-javaagent:", "-agentlib:", "-agentpath:", "-Xrunjdwp", "-Xdebug", "-Xnoagent", "-Djava.class.path=");

  private static final List<String> JVM_OWNED_PREFIXES =
      List.of("java.", "jdk.", "sun.", "os.", "user.", "surefire.", "idea.", "intellij.");

  private static final Set<String> JVM_OWNED_KEYS =
      Set.of(
          "file.separator", "path.separator", "line.separator", "file.encoding", "native.encoding",
          "stdout.encoding", "stderr.encoding", "awt.toolkit");

  private InheritedJvmOptions() {}

  public static List<String> ofThisJvm() {
    List<String> inputArguments;
    try {
      inputArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    } catch (RuntimeException | LinkageError e) {
      inputArguments = List.of();
    }
    return of(inputArguments, System.getProperties());
  }

  static List<String> of(List<String> inputArguments, Properties properties) {
    List<String> options = new ArrayList<>();
    Set<String> givenProperties = new HashSet<>();
    for (String argument : inputArguments) {
      if (DROPPED_OPTIONS.stream().anyMatch(argument::startsWith)) {
        continue;
      }
      if (argument.startsWith("-D")) {
        int eq = argument.indexOf('=');
        givenProperties.add(eq < 0 ? argument.substring(2) : argument.substring(2, eq));
      }
      options.add(argument);
    }
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      if (!givenProperties.contains(key) && !isJvmOwned(key)) {
        options.add("-D" + key + "=" + properties.getProperty(key));
      }
    }
    return options;
  }

  static boolean isJvmOwned(String key) {
    return JVM_OWNED_KEYS.contains(key) || JVM_OWNED_PREFIXES.stream().anyMatch(key::startsWith);
  }
}
