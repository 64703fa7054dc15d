package dev.codetracer.core.trace;

import java.io.Closeable;
import java.io.IOException;

/** Where a stream of events goes: {@code trace.json} or {@code trace.bin}. */
public interface TraceEventWriter extends Closeable {
  void write(TraceEvent event) throws IOException;

  /** Pushes what is buffered to the file, so that a crash loses as little as possible. */
  void flush() throws IOException;

  /** Ends the stream (closes the JSON array, writes the seek table) and the file. */
  @Override
  void close() throws IOException;
}
