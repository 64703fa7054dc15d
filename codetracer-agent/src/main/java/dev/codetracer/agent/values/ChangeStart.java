package dev.codetracer.agent.values;

import dev.codetracer.core.jvm.ValueEncoder;

/**
 * How a list or map changed, up to its new elements: appended to ({@link ValueEncoder#APPEND}) or
 * spliced ({@link ValueEncoder#SPLICE}), in counts of shown elements (a map's: of entries). Kept
 * as numbers, so that a change kept for the writer thread ({@link KeptChange}) is encoded there.
 */
record ChangeStart(boolean splice, boolean map, int previousShown, int total, int from, int removed, int added) {
  static ChangeStart append(int previousShown, int total, int added) {
    return new ChangeStart(false, false, previousShown, total, previousShown, 0, added);
  }

  static ChangeStart splice(boolean map, int previousShown, int total, int from, int removed, int added) {
    return new ChangeStart(true, map, previousShown, total, from, removed, added);
  }

  void writeTo(ValueEncoder out) {
    if (splice) {
      out.startSplice(map, previousShown, total, from, removed, added);
    } else {
      out.startAppend(previousShown, total, added);
    }
  }
}
