package dev.codetracer.agent.values;

import dev.codetracer.core.jvm.RawEvents;
import java.lang.reflect.Field;

/**
 * Reads one instance field, with {@link Field}'s typed getters.
 *
 * <p>Where the agent has its {@link OffsetReader}, the field is read at its offset, as the JDK's
 * own reflection does underneath: one load in the code of both JIT compilers, and no access check,
 * so the JDK's internal fields are read without java.base opening them to anyone. {@code
 * Field.get} on Java 17 checks the receiver with a JNI call in every tier but C2's, and brings its
 * accessor classes into every caller C2 compiles. The receiver is still checked, by {@link
 * Class#isInstance}, which is what keeps a read at an offset safe.
 */
final class FieldReader {
  private final Field field;
  private final Class<?> declaringClass;
  /** Null: read through {@link #field}. */
  private final OffsetReader offsets;
  private final long offset;
  /** The last class other than the declaring one whose instance was checked: a subclass of it. */
  private Class<?> lastSubclass;

  private FieldReader(Field field, OffsetReader offsets, long offset) {
    this.field = field;
    this.declaringClass = field.getDeclaringClass();
    this.offsets = offsets;
    this.offset = offset;
  }

  /**
   * A reader of this instance field, or null when it can be read neither at its offset nor
   * through reflection (a JDK field, when the agent has no {@link OffsetReader}).
   */
  static FieldReader of(Field field) {
    OffsetReader offsets = OffsetReaders.installed();
    if (offsets != null) {
      try {
        return new FieldReader(field, offsets, offsets.offset(field));
      } catch (RuntimeException e) {
        // read through reflection, if it can be
      }
    }
    try {
      field.setAccessible(true);
      return new FieldReader(field, null, -1);
    } catch (RuntimeException e) {
      return null;
    }
  }

  Class<?> declaringClass() {
    return declaringClass;
  }

  /**
   * Refuses an object without the field, which must never be read at an offset. An instance of
   * the declaring class, or of the subclass let through last (a StringBuilder's fields are
   * declared in AbstractStringBuilder), passes without a call: small enough for C1 to inline, at
   * every field read.
   */
  private void ensureReadable(Object object) {
    if (object == null || (object.getClass() != declaringClass && object.getClass() != lastSubclass)) {
      check(object);
    }
  }

  /** The full check: in C1's code, Class.isInstance calls into the VM. */
  private void check(Object object) {
    if (!declaringClass.isInstance(object)) {
      throw new IllegalArgumentException(field + " is not a field of " + (object == null ? "null" : object.getClass().getName()));
    }
    lastSubclass = object.getClass();
  }

  Object get(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.get(object);
    }
    ensureReadable(object);
    return offsets.getReference(object, offset);
  }

  /**
   * Reads this field and {@code second} of {@code object} into {@code out} at {@code at} and the
   * next index, and returns {@code link}'s: in one call into the offset reader when all three are
   * fields of the object's own class, else one by one.
   */
  Object getPairAndLink(Object object, FieldReader second, FieldReader link, Object[] out, int at)
      throws IllegalAccessException {
    OffsetReader reader = offsets;
    if (reader != null && object != null && object.getClass() == declaringClass
        && second.declaringClass == declaringClass && link.declaringClass == declaringClass
        && second.offsets == reader && link.offsets == reader) {
      return reader.getPairAndLink(object, offset, second.offset, link.offset, out, at);
    }
    out[at] = get(object);
    out[at + 1] = second.get(object);
    return link.get(object);
  }

  int getInt(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.getInt(object);
    }
    ensureReadable(object);
    return offsets.getInt(object, offset);
  }

  byte getByte(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.getByte(object);
    }
    ensureReadable(object);
    return offsets.getByte(object, offset);
  }

  /**
   * A primitive field's value as the long a fingerprint compares ({@code kind}: its {@code
   * RawEvents} kind): an int-like value sign-extended (a char not), a boolean as 1 or 0, a float's
   * or double's raw IEEE bits.
   */
  long bits(Object object, int kind) throws IllegalAccessException {
    if (offsets == null) {
      return reflectedBits(object, kind);
    }
    ensureReadable(object);
    switch (kind) {
      case RawEvents.K_INT:
      case RawEvents.K_FLOAT:
        return offsets.getInt(object, offset);
      case RawEvents.K_LONG:
      case RawEvents.K_DOUBLE:
        return offsets.getLong(object, offset);
      case RawEvents.K_BOOLEAN:
        return offsets.getByte(object, offset) != 0 ? 1 : 0;
      case RawEvents.K_CHAR:
        return offsets.getShort(object, offset) & 0xFFFF;
      case RawEvents.K_SHORT:
        return offsets.getShort(object, offset);
      default:
        return offsets.getByte(object, offset);
    }
  }

  private long reflectedBits(Object object, int kind) throws IllegalAccessException {
    switch (kind) {
      case RawEvents.K_INT:
        return field.getInt(object);
      case RawEvents.K_FLOAT:
        return Float.floatToRawIntBits(field.getFloat(object));
      case RawEvents.K_LONG:
        return field.getLong(object);
      case RawEvents.K_DOUBLE:
        return Double.doubleToRawLongBits(field.getDouble(object));
      case RawEvents.K_BOOLEAN:
        return field.getBoolean(object) ? 1 : 0;
      case RawEvents.K_CHAR:
        return field.getChar(object);
      case RawEvents.K_SHORT:
        return field.getShort(object);
      default:
        return field.getByte(object);
    }
  }
}
