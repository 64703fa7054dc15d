package dev.codetracer.core.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JVM options a JVM reads from its environment before its command line's. */
final class JvmOptionVariables {
  private JvmOptionVariables() {}

  /** The options of {@code JAVA_TOOL_OPTIONS}, then of {@code JDK_JAVA_OPTIONS}, in the order the JVM reads them. */
  static List<String> of(Map<String, String> environment) {
    List<String> options = new ArrayList<>();
    options.addAll(split(environment.get("JAVA_TOOL_OPTIONS")));
    options.addAll(split(environment.get("JDK_JAVA_OPTIONS")));
    return options;
  }

  private static List<String> split(String options) {
    return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
  }
}
