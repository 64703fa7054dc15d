package dev.codetracer.agent.values;

/**
 * The elements (or key/value pairs) read from a collection, up to a limit, before they are
 * encoded: reading first means a collection changed by another thread meanwhile can never make
 * the encoded count and the elements disagree.
 */
final class Elements {
  final Object[] items;
  int count;
  boolean pairs;

  Elements(int limit) {
    items = new Object[2 * limit];
  }

  void reset(boolean pairs) {
    java.util.Arrays.fill(items, 0, count, null);
    count = 0;
    this.pairs = pairs;
  }

  /** Adds one element; false when the limit is reached. */
  boolean add(Object element) {
    if (count >= items.length / 2) {
      return false;
    }
    items[count++] = element;
    return true;
  }

  boolean addPair(Object key, Object value) {
    if (count + 2 > items.length) {
      return false;
    }
    items[count++] = key;
    items[count++] = value;
    return true;
  }

  /** Room for one more pair (then {@link #addedPair} takes it, once it is in {@link #items}). */
  boolean hasRoomForPair() {
    return count + 2 <= items.length;
  }

  void addedPair() {
    count += 2;
  }

  int shown() {
    return pairs ? count / 2 : count;
  }

  boolean full() {
    return pairs ? count + 2 > items.length : count >= items.length / 2;
  }
}
