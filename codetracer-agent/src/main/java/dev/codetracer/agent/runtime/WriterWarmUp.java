package dev.codetracer.agent.runtime;

import dev.codetracer.core.jvm.EventCodec;
import dev.codetracer.core.jvm.RawEvents;

/**
 * Has the JIT compile the writer's walk and encoder before the first chunk fills, on a thread of
 * its own. Run first on a chunk, they are interpreted for a good part of it while the compiler is
 * busy with the program's start: the writer then falls behind in the program's first moments,
 * and a short program spends much of its run waiting for it.
 */
final class WriterWarmUp implements Runnable {
  /** Calls of each: past the JIT's thresholds for compiling a method and its loops. */
  private static final int CALLS = 300;

  private WriterWarmUp() {}

  static void start() {
    Thread thread = new Thread(new WriterWarmUp(), "codetracer-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    long[] steps = new long[256];
    for (int i = 0; i < steps.length; i += 2) {
      steps[i] = i % 16; // a step of one of 16 probes, then a value
      steps[i + 1] = RawEvents.value(RawEvents.valueMeta(RawEvents.K_INT, 1), i);
    }
    EventCodec codec = new EventCodec();
    for (int i = 0; i < CALLS; i++) {
      EventCodec.visit(steps, steps.length, EventCodec.NO_LITERALS);
      codec.encode(steps, steps.length);
    }
  }
}
