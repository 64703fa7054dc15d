package dev.codetracer.core.jvm;

import java.util.List;

/**
 * JVM options that keep the JVM recorder's value code (the agent's collection readers, snapshot
 * writer and fingerprints) from being inlined into the program's compiled methods.
 *
 * <p>Why: with values recorded, every recorded line may call into that code, and C2 inlines it
 * into each method it compiles. Its compilation units then reach 40 to 50 KB of machine code and
 * take 150 to 270 ms each on the one C2 thread a 2-core machine has, while the program waits in
 * slower tiers. Kept out, each of its methods is compiled once, on its own. Measured in one
 * session ({@code BENCHMARKS.md}, "Keeping the value code out of the program's compiled
 * methods"): the unit-test-shaped workload 20% faster, the JUnit suite in retain mode from 1.92x
 * to 1.82x; loops with primitive values alike. The encoder the value code writes with, inlined
 * into each value method, made those large compilations in turn: kept out too, the
 * unit-test-shaped workload is 5% faster again and code that updates maps and lists in place 15%.
 *
 * <p>Only a launcher can give these: a JVM's compile commands are set at its start, and the
 * agent's own way to change them later (the diagnostic command {@code Compiler.directives_add})
 * costs 40 to 120 ms of the program's start. {@code quiet}, since HotSpot otherwise prints each
 * compile command on the program's standard output.
 */
public final class ValueCodeInlining {
  /** The agent's package that reads values: {@code dev.codetracer.agent.values} (a test checks it). */
  static final String VALUE_CODE = "dev.codetracer.agent.values.*::*";
  /**
   * The encoder the value code writes snapshots with: this module's {@link ValueEncoder}, as the
   * agent's jar relocates it (a test checks it). Inlined into each value method that writes, it
   * made them large compilations of their own.
   */
  static final String VALUE_ENCODER = "dev.codetracer.agent.shaded.core.jvm.ValueEncoder::*";

  public static final List<String> OPTIONS =
      List.of("-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline," + VALUE_CODE,
          "-XX:CompileCommand=dontinline," + VALUE_ENCODER);

  private ValueCodeInlining() {}

  /**
   * The options for a JVM whose agent is given these options ({@code key=value,...}): none when
   * it records no values ({@code values=none}), or when the agent will refuse the options anyway.
   */
  public static List<String> forAgentOptions(String agentOptions) {
    try {
      return AgentOptions.parse(agentOptions == null ? "" : agentOptions).values() ? OPTIONS : List.of();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  /** As {@link #forAgentOptions(String)}, and none when {@code jvmOptions} (a JVM's own, inherited) have them already. */
  public static List<String> forAgentOptions(String agentOptions, List<String> jvmOptions) {
    return jvmOptions.containsAll(OPTIONS) ? List.of() : forAgentOptions(agentOptions);
  }

  /** The agent's options in a {@code -javaagent:JAR[=OPTIONS]} argument ("" for none). */
  public static String agentOptionsOf(String javaagentArgument) {
    int equals = javaagentArgument.indexOf('=');
    return equals < 0 ? "" : javaagentArgument.substring(equals + 1);
  }

  /** Whether a JVM option is one of these (a launcher that adds them again drops the old ones). */
  public static boolean isOneOf(String option) {
    return OPTIONS.contains(option);
  }
}
