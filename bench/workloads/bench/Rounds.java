package bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * Runs a workload in rounds inside one JVM and reports, on stderr, each round's wall time and
 * the recorded thread's CPU time ({@code round <i> <wall ns> <cpu ns>}); the checksum goes to
 * stdout, so recorded and unrecorded runs can be compared. The first rounds show the cold start
 * (interpreter, JIT compilation, class loading); the later ones the steady state.
 */
final class Rounds {
  private Rounds() {}

  static void run(int rounds, LongSupplier work) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long checksum = 0;
    for (int round = 0; round < rounds; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      checksum += work.getAsLong();
      long wall = System.nanoTime() - start;
      cpu = threads.getCurrentThreadCpuTime() - cpu;
      System.err.println("round " + round + " " + wall + " " + cpu);
    }
    System.out.println("checksum " + checksum);
  }
}
