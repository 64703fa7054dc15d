package dev.codetracer.core.record;

import java.util.List;
import java.util.Map;

/**
 * The environment of a program codetracer starts. Every JVM picks up its options from {@code
 * JAVA_TOOL_OPTIONS}, and the {@code java} launcher also from {@code JDK_JAVA_OPTIONS} and {@code
 * _JAVA_OPTIONS}: meant for the user's program, they must not reach codetracer's own JVM (a {@code
 * -javaagent} there would instrument the CLI, and each JVM says "Picked up ..."). {@code
 * bin/codetracer} moves each into {@code CODETRACER_<name>} before it starts the CLI; this gives
 * them back, unchanged, to the programs the CLI starts.
 */
public final class ProgramEnvironment {
  public static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
  static final String SET_ASIDE_PREFIX = "CODETRACER_";

  private ProgramEnvironment() {}

  /**
   * Puts back, in place, the variables {@code bin/codetracer} set aside: in a process builder's
   * environment, or a copy of this process's.
   */
  public static void restoreJvmOptions(Map<String, String> environment) {
    for (String name : JVM_OPTION_VARIABLES) {
      String setAside = environment.remove(SET_ASIDE_PREFIX + name);
      if (setAside != null) {
        environment.put(name, setAside);
      }
    }
  }
}
