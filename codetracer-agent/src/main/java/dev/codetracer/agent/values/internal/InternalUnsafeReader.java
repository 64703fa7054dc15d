package dev.codetracer.agent.values.internal;

import dev.codetracer.agent.values.OffsetReader;
import java.lang.reflect.Field;
import jdk.internal.misc.Unsafe;

/**
 * The JDK's internal {@code Unsafe} behind {@link OffsetReader}: each read is one load in the code
 * of both JIT compilers. Defined only by {@code OffsetReaders}, in a class loader of its own;
 * nothing else may load it.
 */
public final class InternalUnsafeReader implements OffsetReader {
  private static final Unsafe UNSAFE = Unsafe.getUnsafe();

  @Override
  public long offset(Field field) {
    return UNSAFE.objectFieldOffset(field);
  }

  @Override
  public Object getReference(Object object, long offset) {
    return UNSAFE.getReference(object, offset);
  }

  @Override
  public int getInt(Object object, long offset) {
    return UNSAFE.getInt(object, offset);
  }

  @Override
  public long getLong(Object object, long offset) {
    return UNSAFE.getLong(object, offset);
  }

  @Override
  public short getShort(Object object, long offset) {
    return UNSAFE.getShort(object, offset);
  }

  @Override
  public byte getByte(Object object, long offset) {
    return UNSAFE.getByte(object, offset);
  }

  @Override
  public Object getPairAndLink(Object object, long first, long second, long link, Object[] out, int at) {
    out[at] = UNSAFE.getReference(object, first);
    out[at + 1] = UNSAFE.getReference(object, second);
    return UNSAFE.getReference(object, link);
  }
}
