package dev.codetracer.agent.runtime;

/**
 * A preallocated buffer of change-log events and the reference values they point to. The
 * recording thread fills one; the writer thread writes it and hands it back. A chunk can also be
 * a copy of part of another, written ahead of it while the recording thread waits ({@link
 * StallWatch}); the one it came from then remembers how much of it is already written.
 */
final class Chunk {
  /**
   * The events of a chunk when only steps and calls are recorded: the writer keeps up with them,
   * and the few chunks that go round stay in the processor's cache.
   */
  static final int STEPS_ONLY_EVENTS = 1 << 16;
  /**
   * The events of a chunk when values are recorded too: a line logs two or three times the
   * events, the writer is often behind, and each hand-off then costs both threads a wake-up.
   */
  static final int WITH_VALUES_EVENTS = 1 << 18;
  private static final int EVENTS_PER_REF = 4;

  final long[] events;
  final Object[] refs;
  int size;
  int refCount;
  /** The events and refs from the start already written as a part: the writer skips them. */
  int written;
  int refsWritten;
  /** A copy of part of another chunk, not to be reused. */
  final boolean part;

  Chunk(int events) {
    this(new long[events], new Object[events / EVENTS_PER_REF], false);
  }

  /** The events of a chunk of a recording with values or without. */
  static int eventsFor(boolean values) {
    return values ? WITH_VALUES_EVENTS : STEPS_ONLY_EVENTS;
  }

  /** Roughly what a chunk of this many events takes of the heap. */
  static long bytes(int events) {
    return 8L * events + 8L * (events / EVENTS_PER_REF);
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
