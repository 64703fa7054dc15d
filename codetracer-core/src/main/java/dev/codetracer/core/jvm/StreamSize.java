package dev.codetracer.core.jvm;

import java.io.IOException;

/** How big the stream file has grown, for the {@code maxBytes} cap ({@link ExpansionLimits}). */
@FunctionalInterface
public interface StreamSize {
  /** Whether the file, were the stream ended now, would hold at least {@code limit} bytes. */
  boolean reaches(long limit) throws IOException;
}
