package dev.codetracer.viewer.navigation;

import dev.codetracer.viewer.index.RecordingIndex;

/**
 * Answers "where does this move lead from step n" with the index alone. Stepping over a call
 * jumps past it in one lookup (a call knows its last step), so every move costs a handful of
 * index reads whatever the length of the calls in between.
 */
public final class Navigator {
  private final RecordingIndex index;
  private final int failureStep;

  /** @param failureStep the step of the run's closing error, or -1 when it has none */
  public Navigator(RecordingIndex index, int failureStep) {
    this.index = index;
    this.failureStep = failureStep;
  }

  /** Where a move leads; the step itself when it leads nowhere (the start, the end, no other visit). */
  public int move(int from, Move move) {
    return move(from, move, -1);
  }

  /** @param locationId for the line moves: the line to go to, or -1 for the line of {@code from} */
  public int move(int from, Move move, int locationId) {
    int last = index.stepCount() - 1;
    if (last < 0) {
      return 0;
    }
    int step = Math.max(0, Math.min(from, last));
    int target = switch (move) {
      case FORWARD -> Math.min(step + 1, last);
      case BACK -> Math.max(step - 1, 0);
      case OVER -> overForward(step);
      case OVER_BACK -> overBack(step);
      case OUT -> outForward(step);
      case OUT_BACK -> outBack(step);
      case LINE_BACK -> orStay(index.previousVisit(locationOr(locationId, step), step), step);
      case LINE_FORWARD -> orStay(index.nextVisit(locationOr(locationId, step), step), step);
      case FAILURE -> failureStep >= 0 ? failureStep : last;
      case START -> 0;
      case END -> last;
    };
    return target;
  }

  private int locationOr(int locationId, int step) {
    return locationId >= 0 ? locationId : index.stepLocation(step);
  }

  /** The next step in this call or a caller: calls made from here are skipped whole. */
  private int overForward(int step) {
    int depth = index.stepDepth(step);
    int target = step + 1;
    while (target < index.stepCount()) {
      int call = index.stepCall(target);
      if (call < 0 || index.callDepth(call) <= depth) {
        return target;
      }
      int child = index.ancestorAtDepth(call, depth + 1);
      target = Math.max(target + 1, index.callLastStep(child) + 1);
    }
    return step;
  }

  /** The previous step in this call or a caller: calls made before are skipped whole. */
  private int overBack(int step) {
    int depth = index.stepDepth(step);
    int target = step - 1;
    while (target >= 0) {
      int call = index.stepCall(target);
      if (call < 0 || index.callDepth(call) <= depth) {
        return target;
      }
      int child = index.ancestorAtDepth(call, depth + 1);
      target = Math.min(target - 1, index.callSubtreeFirstStep(child) - 1);
    }
    return step;
  }

  /** The step after the current call returned. */
  private int outForward(int step) {
    int call = index.stepCall(step);
    if (call < 0) {
      return step;
    }
    int after = index.callLastStep(call) + 1;
    return after > 0 && after < index.stepCount() ? after : step;
  }

  /** The step before the current call began: the line that made it. */
  private int outBack(int step) {
    int call = index.stepCall(step);
    if (call < 0) {
      return step;
    }
    int before = index.callerStep(call);
    return before >= 0 ? before : step;
  }

  private static int orStay(int target, int step) {
    return target >= 0 ? target : step;
  }
}
