package dev.codetracer.core.jvm;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a JVM started only to be recorded collects its garbage: with the Parallel collector
 * ({@value #OPTION}), unless its own options choose or tune a collector or size its heap.
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
 * <p>The price: the Parallel collector keeps a third of the heap for young objects, so one object,
 * or the data a program keeps, can take about two thirds of the heap where G1 gives it nearly all
 * (an array of 70 MB fits in {@code -Xmx100m} with G1, not with the Parallel collector). A program
 * that sizes its heap ({@code -Xmx}, {@code -XX:MaxRAMPercentage=}, ...) may be working close to
 * that size, so it keeps its collector; with the default heap, a quarter of the machine's memory,
 * a test rarely comes near that, and {@code -XX:+UseG1GC} keeps G1 for one that does.
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
  /** The heap's size or its generations' ({@code -Xmx}, {@code -Xmn}, {@code -XX:MaxRAMPercentage=}, {@code -XX:NewRatio=}, ...). */
  private static final Pattern SIZING =
      Pattern.compile("-Xm[xn].+|-XX:(MaxHeapSize|SoftMaxHeapSize|MaxRAM\\w*|MinRAM\\w*|NewRatio|NewSize|MaxNewSize|OldSize|SurvivorRatio)=.*");

  private RecordedGc() {}

  /** The collector option of a JVM whose options (its own, its environment's and its files', in order) are {@code given}. */
  static List<String> forGivenOptions(List<String> given) {
    return given.stream().anyMatch(RecordedGc::choosesCollector) ? List.of() : List.of(OPTION);
  }

  /** Whether a JVM option chooses or tunes a collector or sizes the heap: a recorded JVM then keeps its collector. */
  static boolean choosesCollector(String option) {
    return CHOICE.matcher(option).matches() || SIZING.matcher(option).matches();
  }

  /** Whether an option is the one this adds (the program's command, as the user typed it, is shown without it). */
  public static boolean isOurs(String option) {
    return option.equals(OPTION);
  }
}
