package dev.codetracer.core.record;

/**
 * While the recorded program runs, SIGTERM sent to us (a CI job's timeout, {@code kill}, a
 * supervisor stopping the job) is passed on to the program instead of ending this JVM, which would
 * leave the recording unfinished and unregistered: the program ends as it would have been ended
 * unrecorded (its shutdown hooks run), and the recording is finished with its exit code. A
 * SIGTERM that arrives before the program has started is passed on as soon as it starts. Where
 * signals cannot be handled ({@link Signals}), SIGTERM ends this JVM as before.
 */
public final class TerminationRelay implements AutoCloseable {
  private final Signals.Installed handler;
  private Process program;
  private boolean requested;

  private TerminationRelay() {
    this.handler = Signals.handle("TERM", this::onSigterm);
  }

  public static TerminationRelay install() {
    return new TerminationRelay();
  }

  /** The program SIGTERM goes to from now on; it gets one at once if one came before it started. */
  public synchronized void relayTo(Process started) {
    program = started;
    if (requested) {
      started.destroy();
    }
  }

  private synchronized void onSigterm() {
    requested = true;
    if (program != null) {
      // Process.destroy sends SIGTERM on POSIX systems
      program.destroy();
    }
  }

  @Override
  public void close() {
    handler.restore();
  }
}
