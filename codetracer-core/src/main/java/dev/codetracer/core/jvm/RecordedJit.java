package dev.codetracer.core.jvm;

import java.util.List;

/**
 * How a JVM started only to be recorded compiles: with C1 alone ({@value #OPTION}), unless its
 * own options say how it compiles.
 *
 * <p>Why: a recorded method is larger (a probe per line, a value probe per variable) and calls
 * into the recorder's value code, so C2 spends several times longer compiling what a run needs,
 * and on a machine with few cores that time is taken from the program: in a one-second recorded
 * run of the unit-test-shaped workload the compiler threads used half the process's CPU, and the
 * program's own methods never reached C2's code within the run. C1's code is ready at once. The
 * price is code that runs slower once C2 would have compiled it, which only pays off in a
 * recorded run much longer than the recorder's caps let one be (a few seconds at the default
 * {@link ExpansionLimits#DEFAULT_MAX_STEPS} steps). Measured in {@code BENCHMARKS.md}, "C1 alone
 * for recorded JVMs".
 *
 * <p>Not for a user's own test JVM that merely has the agent ({@code prepare-agent}): most of its
 * tests are not recorded, and how it compiles is the user's choice. A user keeps C2 in a recorded
 * JVM by giving any option of {@link #choosesCompilation}, such as {@code -XX:TieredStopAtLevel=4}.
 */
public final class RecordedJit {
  public static final String OPTION = "-XX:TieredStopAtLevel=1";

  private RecordedJit() {}

  /**
   * The compile options of a JVM started only to be recorded with these agent options: C1 alone;
   * or, when its own options, the files they name ({@code @argfiles}, {@code -XX:VMOptionsFile=})
   * or its environment choose how it compiles, {@link ValueCodeInlining}'s when C2 is among its
   * compilers (they matter with C2 only: with C1 alone, which inlines only the smallest methods,
   * keeping the value code out of line made the unit-test-shaped workload 7% slower), and none
   * when the program gives compile commands of its own (ours would silence what HotSpot prints for
   * them).
   *
   * @param jvmOptions the JVM's own options
   * @param given the options it will read, its environment's and its files' among them ({@link
   *     RecordedJvmOptions#given})
   */
  static List<String> forGivenOptions(String agentOptions, List<String> jvmOptions, List<String> given) {
    if (given.stream().noneMatch(RecordedJit::choosesCompilation)) {
      return List.of(OPTION);
    }
    if (!compilesWithC2(given) || given.stream().anyMatch(RecordedJit::isCompileCommand)) {
      return List.of();
    }
    return ValueCodeInlining.forAgentOptions(agentOptions, jvmOptions);
  }

  /** Whether a JVM option says how the JVM compiles, which a recorded JVM then keeps. */
  static boolean choosesCompilation(String option) {
    return option.startsWith("-XX:TieredStopAtLevel=")
        || option.equals("-XX:+TieredCompilation")
        || option.equals("-XX:-TieredCompilation")
        || option.startsWith("-XX:CompilationMode=")
        || option.equals("-XX:+UseJVMCICompiler")
        || option.equals("-Xint")
        || option.equals("-Xcomp")
        || option.equals("-Xmixed");
  }

  /** Whether the JVM these options start has C2 (or another optimizing compiler) among its compilers. */
  static boolean compilesWithC2(List<String> options) {
    boolean tiered = true;
    boolean interpreterOnly = false;
    boolean quickOnly = false;
    int stopLevel = 4;
    for (String option : options) {
      if (option.equals("-Xint")) {
        interpreterOnly = true;
      } else if (option.equals("-Xmixed") || option.equals("-Xcomp")) {
        interpreterOnly = false;
      } else if (option.equals("-XX:-TieredCompilation")) {
        tiered = false;
      } else if (option.equals("-XX:+TieredCompilation")) {
        tiered = true;
      } else if (option.startsWith("-XX:CompilationMode=")) {
        quickOnly = option.endsWith("=quick-only");
      } else if (option.startsWith("-XX:TieredStopAtLevel=")) {
        try {
          stopLevel = Integer.parseInt(option.substring("-XX:TieredStopAtLevel=".length()));
        } catch (NumberFormatException e) {
          // the JVM refuses it
        }
      }
    }
    return !interpreterOnly && !quickOnly && (!tiered || stopLevel >= 4);
  }

  private static boolean isCompileCommand(String option) {
    return option.startsWith("-XX:CompileCommand") && !ValueCodeInlining.isOneOf(option);
  }

  /** Whether an option is the one this adds (the program's command, as the user typed it, is shown without it). */
  public static boolean isOurs(String option) {
    return option.equals(OPTION);
  }
}
