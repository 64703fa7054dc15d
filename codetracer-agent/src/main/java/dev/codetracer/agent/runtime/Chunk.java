package dev.codetracer.agent.runtime;

/**
 * A preallocated buffer of change-log events and the reference values they point to. The
 * recording thread fills one; the writer thread writes it and hands it back.
 */
final class Chunk {
  static final int EVENTS = 1 << 16;
  static final int REFS = 1 << 14;
  /** Roughly what one chunk takes of the heap. */
  static final long BYTES = 8L * EVENTS + 8L * REFS;

  final long[] events = new long[EVENTS];
  final Object[] refs = new Object[REFS];
  int size;
  int refCount;

  void clear() {
    java.util.Arrays.fill(refs, 0, refCount, null);
    size = 0;
    refCount = 0;
  }
}
