package dev.codetracer.agent.values;

import java.lang.reflect.Field;

/**
 * Reads instance fields at their offsets, whatever their access. {@link OffsetReaders} defines
 * the one implementation in a class loader of its own, the only module java.base exports its
 * internal {@code Unsafe} to. Public only because that class, in another runtime package,
 * implements it.
 */
public interface OffsetReader {
  /** The offset of an instance field (any access). */
  long offset(Field field);

  Object getReference(Object object, long offset);

  int getInt(Object object, long offset);

  long getLong(Object object, long offset);

  boolean getBoolean(Object object, long offset);

  char getChar(Object object, long offset);

  short getShort(Object object, long offset);

  byte getByte(Object object, long offset);

  float getFloat(Object object, long offset);

  double getDouble(Object object, long offset);
}
