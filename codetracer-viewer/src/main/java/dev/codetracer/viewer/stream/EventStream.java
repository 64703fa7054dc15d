package dev.codetracer.viewer.stream;

import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TraceFileFormat;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Random access to an event stream: the events from a position on, where a position is what
 * {@link EventBoundaries} reported for an event (a byte offset in {@code trace.json}, an offset
 * in the decompressed body of {@code trace.bin}). Safe to use from several threads.
 */
public interface EventStream extends Closeable {

  /** The events from the one at {@code position} on, up to the end of the stream. */
  Iterator<TraceEvent> eventsFrom(long position);

  /** A sequential reader of the positions of every event, for building the index. */
  EventBoundaries boundaries() throws IOException;

  @Override
  void close();

  static EventStream open(Path file) {
    return TraceFileFormat.detect(file) == TraceFileFormat.BIN ? BinEventStream.open(file) : JsonEventStream.open(file);
  }
}
