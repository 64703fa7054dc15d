package dev.codetracer.agent.values;

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

  /** Whether this JVM's fields are read at their offsets (else through reflection). */
  static boolean readsAtOffsets() {
    return OffsetReaders.installed() != null;
  }

  Class<?> declaringClass() {
    return declaringClass;
  }

  private void check(Object object) {
    if (!declaringClass.isInstance(object)) {
      throw new IllegalArgumentException(field + " is not a field of " + (object == null ? "null" : object.getClass().getName()));
    }
  }

  Object get(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.get(object);
    }
    check(object);
    return offsets.getReference(object, offset);
  }

  int getInt(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.getInt(object);
    }
    check(object);
    return offsets.getInt(object, offset);
  }

  long getLong(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.getLong(object);
    }
    check(object);
    return offsets.getLong(object, offset);
  }

  boolean getBoolean(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.getBoolean(object);
    }
    check(object);
    return offsets.getBoolean(object, offset);
  }

  char getChar(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.getChar(object);
    }
    check(object);
    return offsets.getChar(object, offset);
  }

  short getShort(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.getShort(object);
    }
    check(object);
    return offsets.getShort(object, offset);
  }

  byte getByte(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.getByte(object);
    }
    check(object);
    return offsets.getByte(object, offset);
  }

  float getFloat(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.getFloat(object);
    }
    check(object);
    return offsets.getFloat(object, offset);
  }

  double getDouble(Object object) throws IllegalAccessException {
    if (offsets == null) {
      return field.getDouble(object);
    }
    check(object);
    return offsets.getDouble(object, offset);
  }
}
