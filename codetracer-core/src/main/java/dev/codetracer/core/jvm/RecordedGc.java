package dev.codetracer.core.jvm;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a JVM started only to be recorded collects its garbage: with the Parallel collector
 * ({@value #OPTION}), unless its own options choose or tune a collector.
 *
 * <p>Why: a recorded run is a batch job, judged by how long it takes, never by its pauses, which
 * is what the Parallel collector is for. G1, the default on a machine of 2 cores or more, keeps
 * its pauses short with work done alongside the program: its write barrier makes every store of a
 * reference into an older object go through a card check and a memory fence, and the recorder
 * stores references at nearly every line (the values it keeps, its fingerprints of collections).
 * With the Parallel collector the unit-test-shaped workload recorded ran 10% faster and its
 * steady rounds 20% faster; measured in {@code BENCHMARKS.md}, "The Parallel collector for
 * recorded JVMs".
 *
 * <p>As with {@link RecordedJit}: not for a user's own test JVM that merely has the agent, and a
 * user keeps G1 by giving it, {@code -XX:+UseG1GC}, or any option of {@link #choosesCollector}.
 */
public final class RecordedGc {
  public static final String OPTION = "-XX:+UseParallelGC";

  /**
   * A collector chosen ({@code -XX:+UseG1GC}, {@code -XX:-UseParallelGC}), one's own tuning
   * ({@code -XX:G1HeapRegionSize=}, {@code -XX:ShenandoahGCMode=}, {@code -XX:+ZGenerational}),
   * pause goals, and string deduplication, which Java 17's Parallel collector does not do.
   */
  private static final Pattern CHOICE =
      Pattern.compile("-XX:[+-]?(Use\\w*GC|G1\\w+|Shenandoah\\w+|Z[A-Z]\\w*|UseStringDeduplication|MaxGCPauseMillis|GCPauseIntervalMillis)(=.*)?");

  private RecordedGc() {}

  /** The collector option of a JVM whose options (its own, its environment's and its files', in order) are {@code given}. */
  static List<String> forGivenOptions(List<String> given) {
    return given.stream().anyMatch(RecordedGc::choosesCollector) ? List.of() : List.of(OPTION);
  }

  /** Whether a JVM option chooses or tunes a collector, which a recorded JVM then keeps. */
  static boolean choosesCollector(String option) {
    return CHOICE.matcher(option).matches();
  }

  /** Whether an option is the one this adds (the program's command, as the user typed it, is shown without it). */
  public static boolean isOurs(String option) {
    return option.equals(OPTION);
  }
}
