package dev.codetracer.agent.runtime;

import dev.codetracer.agent.values.TrustedCollections;

/**
 * What the guarded calls of the line being run found ({@code
 * dev.codetracer.agent.instrument.GuardedCalls}): the receivers they changed, or that one of
 * them may have run other code. The next line probe of the frame reads it to re-check only the
 * variables that may show a changed receiver, then clears it.
 *
 * <p>Used by the recording thread only. A frame clears only what it or the frames it called
 * left: a caller whose line is still running (its guarded call reached the program's code,
 * which is being recorded) keeps its findings, and until then every frame's re-checks are made
 * in full.
 */
final class GuardedLine {
  private static final int MAX_RECEIVERS = 8;
  private static final Object[] changed = new Object[MAX_RECEIVERS];
  private static int changedCount;
  private static boolean unknown;
  /** The lowest call depth that left something here, or MAX_VALUE when nothing is. */
  private static int lowestDepth = Integer.MAX_VALUE;

  private GuardedLine() {}

  static void found(int outcome, Object receiver, int depth) {
    if (outcome == TrustedCollections.READS) {
      return;
    }
    if (outcome == TrustedCollections.CHANGES_RECEIVER && changedCount < MAX_RECEIVERS) {
      changed[changedCount++] = receiver;
    } else {
      unknown = true;
    }
    lowestDepth = Math.min(lowestDepth, depth);
  }

  /** Whether a variable must be re-checked (its slot and value, at the current depth). */
  static boolean mayHaveChanged(Object value, int depth, int slot) {
    if (unknown) {
      return true;
    }
    return changedCount > 0 && RecordingControl.capture().mayShow(value, depth, slot, changed, changedCount);
  }

  /** The line probe at {@code depth} has read what it needed. */
  static void settle(int depth) {
    if (lowestDepth >= depth) {
      clear();
    }
  }

  static void clear() {
    java.util.Arrays.fill(changed, 0, changedCount, null);
    changedCount = 0;
    unknown = false;
    lowestDepth = Integer.MAX_VALUE;
  }
}
