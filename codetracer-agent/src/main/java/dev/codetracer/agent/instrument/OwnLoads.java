package dev.codetracer.agent.instrument;

/**
 * The classes codetracer's own work loads on a thread (publishing a recording in a test JVM reads
 * and writes its metadata with a JSON library the program's tests may never use), which get no
 * probes: instrumenting them would cost that JVM more than the work itself.
 */
public final class OwnLoads {
  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  private OwnLoads() {}

  /** Runs codetracer's own work on this thread: the classes it loads meanwhile stay as they are. */
  public static void run(Runnable work) {
    Boolean before = ACTIVE.get();
    ACTIVE.set(Boolean.TRUE);
    try {
      work.run();
    } finally {
      if (before == null) {
        ACTIVE.remove();
      }
    }
  }

  static boolean active() {
    return ACTIVE.get() != null;
  }
}
