package dev.codetracer.agent.runtime;

/**
 * A preallocated buffer of change-log events and the reference values they point to. The
 * recording thread fills one; the writer thread writes it and hands it back. A chunk can also be
 * a copy of part of another, written ahead of it while the recording thread waits ({@link
 * StallWatch}); the one it came from then remembers how much of it is already written.
 */
final class Chunk {
  static final int EVENTS = 1 << 16;
  static final int REFS = 1 << 14;
  /** Roughly what one chunk takes of the heap. */
  static final long BYTES = 8L * EVENTS + 8L * REFS;

  final long[] events;
  final Object[] refs;
  int size;
  int refCount;
  /** The events and refs from the start already written as a part: the writer skips them. */
  int written;
  int refsWritten;
  /** A copy of part of another chunk, not to be reused. */
  final boolean part;

  Chunk() {
    this(new long[EVENTS], new Object[REFS], false);
  }

  private Chunk(long[] events, Object[] refs, boolean part) {
    this.events = events;
    this.refs = refs;
    this.part = part;
  }

  /** An empty chunk that only marks a place in a queue. */
  static Chunk marker() {
    return new Chunk(new long[0], new Object[0], true);
  }

  /** The events and refs of this chunk from what was written up to the given fill levels, as a chunk of their own. */
  Chunk partUpTo(int events, int refs) {
    Chunk copy = new Chunk(new long[events - written], new Object[refs - refsWritten], true);
    System.arraycopy(this.events, written, copy.events, 0, copy.events.length);
    System.arraycopy(this.refs, refsWritten, copy.refs, 0, copy.refs.length);
    copy.size = copy.events.length;
    copy.refCount = copy.refs.length;
    return copy;
  }

  void clear() {
    java.util.Arrays.fill(refs, 0, refCount, null);
    size = 0;
    refCount = 0;
    written = 0;
    refsWritten = 0;
  }
}
