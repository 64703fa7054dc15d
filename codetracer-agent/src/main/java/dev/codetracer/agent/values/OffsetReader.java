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

  /** Also a float's raw bits. */
  int getInt(Object object, long offset);

  /** Also a double's raw bits. */
  long getLong(Object object, long offset);

  /** Also a char's bits. */
  short getShort(Object object, long offset);

  /** Also a boolean's. */
  byte getByte(Object object, long offset);

  /**
   * A linked node's two references at {@code first} and {@code second}, put in {@code out} at
   * {@code at} and the next index, and the reference at {@code link}, returned: a map's entry, its
   * key, value and next entry read in one call.
   */
  Object getPairAndLink(Object object, long first, long second, long link, Object[] out, int at);
}
