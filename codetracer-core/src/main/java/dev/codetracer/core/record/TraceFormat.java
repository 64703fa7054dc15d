package dev.codetracer.core.record;

/** The file an event stream is written to. */
public enum TraceFormat {
  /** {@code trace.json}: the form whose compatibility with CodeTracer has been checked. */
  JSON,
  /** {@code trace.bin}: CBOR in seekable zstd, far smaller, for long recordings. */
  BIN
}
