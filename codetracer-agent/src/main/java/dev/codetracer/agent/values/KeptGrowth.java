package dev.codetracer.agent.values;

/**
 * A StringBuilder that only grew at the end, as the recording thread keeps it for the writer to
 * encode ({@link dev.codetracer.core.jvm.ValueEncoder#latin1Append}): the builder's length, and its
 * new Latin-1 bytes as they are in its fingerprint's copy of its text, which only ever grows, so
 * that those bytes stay as they are.
 */
final class KeptGrowth {
  /** The characters shown before the growth. */
  final int previousKept;
  /** The builder's length now, which may be more than it shows. */
  final int length;
  final byte[] text;
  final int from;
  final int to;

  KeptGrowth(int previousKept, int length, byte[] text, int from, int to) {
    this.previousKept = previousKept;
    this.length = length;
    this.text = text;
    this.from = from;
    this.to = to;
  }
}
