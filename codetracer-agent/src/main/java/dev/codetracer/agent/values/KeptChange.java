package dev.codetracer.agent.values;

/**
 * The change of a list or map whose new elements are all values that cannot change (records of
 * strings added to a list, a count put in a map): its start (an append or a splice) and the new
 * elements themselves. The recording thread keeps this instead of encoding them; the writer
 * thread encodes it later, exactly as the change would have been ({@link
 * SnapshotWriter#writeKept(KeptChange, dev.codetracer.core.jvm.ValueEncoder)}).
 */
final class KeptChange {
  final ChangeStart start;
  /** The new elements, or keys and values in pairs; no one changes them. */
  final Object[] added;

  KeptChange(ChangeStart start, Object[] added) {
    this.start = start;
    this.added = added;
  }
}
