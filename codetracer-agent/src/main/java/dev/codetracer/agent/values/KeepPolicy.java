package dev.codetracer.agent.values;

/**
 * Which values the recording thread may keep as they are, for the writer thread to encode later:
 * those that cannot change (strings, boxes, enums, records of those), but records while one is
 * being constructed on the recording thread, since it may escape its constructor with fields
 * still to be set ({@code peek(this)}).
 */
final class KeepPolicy {
  private boolean recordsUnderConstruction;

  void recordsUnderConstruction(boolean constructing) {
    recordsUnderConstruction = constructing;
  }

  /** Whether a value may be kept as it is. */
  boolean canKeep(Object value) {
    return canKeep(ValueKind.of(value.getClass()));
  }

  /** Whether a value of this kind may be kept as it is. */
  boolean canKeep(ValueKind kind) {
    return kind.isImmutable() && !(recordsUnderConstruction && kind == ValueKind.LEAF_RECORD);
  }

  /** Whether every one of {@code items[from..to)} may be kept as it is (nulls may). */
  boolean canKeepAll(Object[] items, int from, int to) {
    for (int i = from; i < to; i++) {
      if (items[i] != null && !canKeep(items[i])) {
        return false;
      }
    }
    return true;
  }
}
