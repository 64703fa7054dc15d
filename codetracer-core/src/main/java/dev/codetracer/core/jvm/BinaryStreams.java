package dev.codetracer.core.jvm;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.trace.TraceEventWriter;
import java.io.OutputStream;

/** Opens a {@code trace.bin} writer. */
final class BinaryStreams {
  private BinaryStreams() {}

  static TraceEventWriter open(OutputStream out) {
    throw new CodeTracerException("trace.bin is not available in this build yet; record with --format json");
  }
}
