package dev.codetracer.agent.values;

/**
 * An array, JDK collection or map whose shown elements are all values that cannot change, as it
 * was when captured: its class, its size and a copy of those elements (a map's keys and values in
 * pairs). The recording thread keeps this instead of a snapshot; the writer thread encodes it
 * later, exactly as the snapshot would have been ({@link SnapshotWriter#writeKept}).
 */
final class KeptElements {
  final Class<?> type;
  final boolean map;
  /** The collection's size, which may be more than it shows. */
  final int total;
  /** The shown elements, or keys and values in pairs; no one changes them. */
  final Object[] items;

  KeptElements(Class<?> type, boolean map, int total, Object[] items) {
    this.type = type;
    this.map = map;
    this.total = total;
    this.items = items;
  }
}
