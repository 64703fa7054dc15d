package dev.codetracer.core.trace;

import java.util.List;

/**
 * A value in CodeTracer's stream. Every kind but {@link Cell} carries the id of its {@code Type}
 * event.
 */
public sealed interface ValueRecord {

  /** The id of the value's {@code Type}, or -1 for {@link Cell}, which has none. */
  long typeId();

  record Int(long i, long typeId) implements ValueRecord {}

  /**
   * A floating-point value; CodeTracer wants its text ({@code "2.5"}, {@code "inf"}, {@code "nan"}).
   * A {@code float} reads as Java prints it ({@code 0.1f}: {@code "0.1"}), not as the {@code double}
   * it widens to ({@code "0.10000000149011612"}).
   */
  record Float(String f, long typeId) implements ValueRecord {
    public static Float of(double value, long typeId) {
      return new Float(text(value), typeId);
    }

    public static Float of(float value, long typeId) {
      return new Float(text(value), typeId);
    }

    public static String text(double value) {
      if (Double.isNaN(value)) {
        return "nan";
      }
      if (Double.isInfinite(value)) {
        return value > 0 ? "inf" : "-inf";
      }
      return Double.toString(value);
    }

    public static String text(float value) {
      return java.lang.Float.isFinite(value) ? java.lang.Float.toString(value) : text((double) value);
    }
  }

  record Bool(boolean b, long typeId) implements ValueRecord {}

  record Str(String text, long typeId) implements ValueRecord {}

  record Char(String c, long typeId) implements ValueRecord {}

  record Sequence(List<ValueRecord> elements, boolean isSlice, long typeId) implements ValueRecord {}

  record Tuple(List<ValueRecord> elements, long typeId) implements ValueRecord {}

  record Struct(List<ValueRecord> fieldValues, long typeId) implements ValueRecord {}

  record Variant(String discriminator, ValueRecord contents, long typeId) implements ValueRecord {}

  record Reference(ValueRecord dereferenced, long address, boolean mutable, long typeId) implements ValueRecord {}

  record Raw(String r, long typeId) implements ValueRecord {}

  record Error(String msg, long typeId) implements ValueRecord {}

  record None(long typeId) implements ValueRecord {}

  /** An integer beyond 64 bits: base64 of the big-endian magnitude, and its sign. */
  record BigInt(String b, boolean negative, long typeId) implements ValueRecord {}

  record Cell(long place) implements ValueRecord {
    @Override
    public long typeId() {
      return -1;
    }
  }
}
