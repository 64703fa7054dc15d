package dev.codetracer.agent.values;

/**
 * The change of a list or map whose new elements are all values that cannot change (records of
 * strings added to a list, a count put in a map): its encoded start ({@link
 * dev.codetracer.core.jvm.ValueEncoder#APPEND} or {@link dev.codetracer.core.jvm.ValueEncoder#SPLICE})
 * and the new elements themselves. The recording thread keeps this instead of encoding them; the
 * writer thread encodes it later, exactly as the change would have been ({@link
 * SnapshotWriter#writeKept(KeptChange, dev.codetracer.core.jvm.ValueEncoder)}).
 */
final class KeptChange {
  final byte[] start;
  /** The new elements, or keys and values in pairs; no one changes them. */
  final Object[] added;

  KeptChange(byte[] start, Object[] added) {
    this.start = start;
    this.added = added;
  }
}
