package dev.codetracer.core.record;

/**
 * While the recorded program runs in the foreground, Ctrl-C is meant for it, not for us: the
 * terminal sends SIGINT to the whole process group, and a JVM that died of it would leave a
 * recording without metadata. Like a shell waiting for its foreground job, this JVM ignores
 * SIGINT until closed; the program still receives it, because a handled (not ignored) signal is
 * reset to its default at exec. Where signals cannot be handled ({@link Signals}), nothing is
 * shielded.
 */
public final class InterruptShield implements AutoCloseable {
  private final Signals.Installed handler;

  private InterruptShield(Signals.Installed handler) {
    this.handler = handler;
  }

  public static InterruptShield raise() {
    return new InterruptShield(Signals.handle("INT", () -> {}));
  }

  @Override
  public void close() {
    handler.restore();
  }
}
