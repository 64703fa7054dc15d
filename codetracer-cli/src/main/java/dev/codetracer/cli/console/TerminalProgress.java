package dev.codetracer.cli.console;

import dev.codetracer.core.archive.ProgressListener;
import java.io.PrintStream;

/**
 * Shows how far a long export or import has come, on one line of the terminal, at most a few
 * times a second. When standard error is not a terminal it stays silent.
 */
public final class TerminalProgress implements ProgressListener {
  private static final long INTERVAL_NANOS = 200_000_000L;
  private static final long MIN_BYTES_TO_SHOW = 32L << 20;

  private final String label;
  private final PrintStream out;
  private long lastShown;
  private boolean shown;

  private TerminalProgress(String label, PrintStream out) {
    this.label = label;
    this.out = out;
    this.lastShown = System.nanoTime();
  }

  /** A listener for this terminal: silent when the output is not one. */
  public static ProgressListener forTerminal(String label) {
    return System.console() == null ? ProgressListener.NONE : new TerminalProgress(label, System.err);
  }

  @Override
  public void progress(long doneBytes, long totalBytes) {
    long now = System.nanoTime();
    if (now - lastShown < INTERVAL_NANOS || totalBytes < MIN_BYTES_TO_SHOW) {
      return;
    }
    lastShown = now;
    shown = true;
    String percent = totalBytes > 0 ? (doneBytes * 100 / totalBytes) + "% " : "";
    out.print("\r" + label + ": " + percent + "(" + HumanSizes.format(doneBytes)
        + (totalBytes > 0 ? " of " + HumanSizes.format(totalBytes) : "") + ")   ");
    out.flush();
  }

  @Override
  public void finished() {
    if (shown) {
      out.print("\r\033[K");
      out.flush();
    }
  }
}
