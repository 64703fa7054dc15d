package dev.codetracer.viewer.stream;

import java.io.Closeable;
import java.io.IOException;

/**
 * Walks the stream's bytes without decoding events and reports where each event starts, in
 * stream order: the n-th call answers for the n-th event.
 */
public interface EventBoundaries extends Closeable {
  /** The position of the next event, or -1 at the end of the stream. */
  long next() throws IOException;

  /** How far the walk has come, in the units of {@link #total()}. */
  long done();

  /** The size of what is walked (file bytes), for progress. */
  long total();

  @Override
  void close() throws IOException;
}
