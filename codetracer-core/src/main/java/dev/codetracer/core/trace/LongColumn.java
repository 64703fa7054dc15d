package dev.codetracer.core.trace;

import java.util.Arrays;

/** A growable column of longs, without boxing. */
final class LongColumn {
  private long[] values = new long[64];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size + (size >> 1));
    }
    values[size++] = value;
  }

  long get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index + " >= " + size);
    }
    return values[index];
  }

  int size() {
    return size;
  }

  void truncate(int newSize) {
    size = Math.min(size, newSize);
  }
}
