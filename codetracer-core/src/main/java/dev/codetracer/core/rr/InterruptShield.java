package dev.codetracer.core.rr;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While the recorded program runs in the foreground, Ctrl-C is meant for it, not for us: the
 * terminal sends SIGINT to the whole process group, and a JVM that died of it would leave a
 * recording without metadata. Like a shell waiting for its foreground job, this JVM ignores
 * SIGINT until closed; the program (a child, whose handlers reset at exec) still receives it.
 */
final class InterruptShield implements AutoCloseable {
  private static final Signal SIGINT = new Signal("INT");

  private final SignalHandler previous;

  private InterruptShield(SignalHandler previous) {
    this.previous = previous;
  }

  static InterruptShield raise() {
    try {
      return new InterruptShield(Signal.handle(SIGINT, signal -> {}));
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return new InterruptShield(null); // the JVM reserves SIGINT (-Xrs): nothing to shield
    }
  }

  @Override
  public void close() {
    if (previous != null) {
      Signal.handle(SIGINT, previous);
    }
  }
}
