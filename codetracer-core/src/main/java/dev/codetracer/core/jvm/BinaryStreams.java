package dev.codetracer.core.jvm;

import dev.codetracer.core.trace.BinTraceWriter;
import dev.codetracer.core.trace.TraceEventWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Opens a {@code trace.bin} writer. Kept apart so that the agent, which carries no zstd, never
 * loads {@link BinTraceWriter}: only {@code codetracer record --format bin} writes binary streams.
 */
final class BinaryStreams {
  private BinaryStreams() {}

  static TraceEventWriter open(OutputStream out) throws IOException {
    return new BinTraceWriter(out);
  }

  /**
   * The size of the file a writer from {@link #open} writes: its compressed frames, which reach
   * the file only when compressed (the bytes passed to the file lag a frame behind).
   */
  static StreamSize size(TraceEventWriter writer) {
    return ((BinTraceWriter) writer)::reaches;
  }
}
