package dev.codetracer.agent.values;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Reads one instance field, already made accessible, with {@link Field}'s typed getters.
 *
 * <p>Where java.base exports its internal {@code Unsafe} to the agent ({@code ModuleOpener}), the
 * field is read at its offset, as the JDK's own reflection does underneath. That is one load in the
 * code of both JIT compilers. {@code Field.get} on Java 17 checks the receiver with a JNI call in
 * every tier but C2's, and brings its accessor classes into every caller C2 compiles: the value
 * readers then take C2 longer to compile than the program itself. The receiver is still checked, by
 * {@link Class#isInstance}, which is all that keeps a read at an offset safe.
 */
final class FieldReader {
  private static final jdk.internal.misc.Unsafe UNSAFE = internalUnsafe();

  private final Field field;
  private final Class<?> declaringClass;
  /** The field's offset, or -1: read through {@link #field}. */
  private final long offset;

  private FieldReader(Field field, long offset) {
    this.field = field;
    this.declaringClass = field.getDeclaringClass();
    this.offset = offset;
  }

  /** A reader of this instance field, which the caller has made accessible. */
  static FieldReader of(Field field) {
    long offset = -1;
    if (UNSAFE != null && !Modifier.isStatic(field.getModifiers())) {
      try {
        offset = UNSAFE.objectFieldOffset(field);
      } catch (RuntimeException e) {
        offset = -1;
      }
    }
    return new FieldReader(field, offset);
  }

  /** Whether fields are read at their offsets in this JVM (else through reflection). */
  static boolean readsAtOffsets() {
    return UNSAFE != null;
  }

  private static jdk.internal.misc.Unsafe internalUnsafe() {
    try {
      return jdk.internal.misc.Unsafe.getUnsafe();
    } catch (Throwable e) {
      return null; // jdk.internal.misc is not exported to the agent: reflection reads every field
    }
  }

  private void check(Object object) {
    if (!declaringClass.isInstance(object)) {
      throw new IllegalArgumentException(field + " is not a field of " + (object == null ? "null" : object.getClass().getName()));
    }
  }

  Object get(Object object) throws IllegalAccessException {
    if (offset < 0) {
      return field.get(object);
    }
    check(object);
    return UNSAFE.getReference(object, offset);
  }

  int getInt(Object object) throws IllegalAccessException {
    if (offset < 0) {
      return field.getInt(object);
    }
    check(object);
    return UNSAFE.getInt(object, offset);
  }

  long getLong(Object object) throws IllegalAccessException {
    if (offset < 0) {
      return field.getLong(object);
    }
    check(object);
    return UNSAFE.getLong(object, offset);
  }

  boolean getBoolean(Object object) throws IllegalAccessException {
    if (offset < 0) {
      return field.getBoolean(object);
    }
    check(object);
    return UNSAFE.getBoolean(object, offset);
  }

  char getChar(Object object) throws IllegalAccessException {
    if (offset < 0) {
      return field.getChar(object);
    }
    check(object);
    return UNSAFE.getChar(object, offset);
  }

  short getShort(Object object) throws IllegalAccessException {
    if (offset < 0) {
      return field.getShort(object);
    }
    check(object);
    return UNSAFE.getShort(object, offset);
  }

  byte getByte(Object object) throws IllegalAccessException {
    if (offset < 0) {
      return field.getByte(object);
    }
    check(object);
    return UNSAFE.getByte(object, offset);
  }

  float getFloat(Object object) throws IllegalAccessException {
    if (offset < 0) {
      return field.getFloat(object);
    }
    check(object);
    return UNSAFE.getFloat(object, offset);
  }

  double getDouble(Object object) throws IllegalAccessException {
    if (offset < 0) {
      return field.getDouble(object);
    }
    check(object);
    return UNSAFE.getDouble(object, offset);
  }
}
