package dev.codetracer.viewer.navigation;

import java.util.Locale;

/** The ways to move through the recorded run, forwards and backwards. */
public enum Move {
  FORWARD,
  BACK,
  OVER,
  OVER_BACK,
  OUT,
  OUT_BACK,
  /** The previous time the run was at a line (the current one unless another is named). */
  LINE_BACK,
  /** The next time the run is at a line. */
  LINE_FORWARD,
  /** The step where the run failed: the step of its closing Error event, else the last step. */
  FAILURE,
  START,
  END;

  /** {@code over-back} for {@code OVER_BACK}: the spelling in URLs. */
  public String urlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Move fromUrlName(String name) {
    for (Move move : values()) {
      if (move.urlName().equals(name)) {
        return move;
      }
    }
    throw new IllegalArgumentException("unknown move \"" + name + "\"");
  }
}
