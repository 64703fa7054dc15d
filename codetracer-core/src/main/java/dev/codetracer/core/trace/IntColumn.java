package dev.codetracer.core.trace;

import java.util.Arrays;

/** A growable column of ints: one entry per step, call or type, without boxing. */
final class IntColumn {
  private int[] values = new int[64];
  private int size;

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size + (size >> 1));
    }
    values[size++] = value;
  }

  int get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index + " >= " + size);
    }
    return values[index];
  }

  void set(int index, int value) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index + " >= " + size);
    }
    values[index] = value;
  }

  int size() {
    return size;
  }

  /** Drops the entries from {@code newSize} on. */
  void truncate(int newSize) {
    size = Math.min(size, newSize);
  }

  int last() {
    return get(size - 1);
  }
}
