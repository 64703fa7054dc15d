package dev.codetracer.core.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;

/**
 * The encoding (CBOR or JSON text) of each variable's last {@code Value} event. A recorder emits
 * the value of every visible variable after every step, mostly the very same value instance as
 * after the step before ({@link ValueRecord}s are immutable), so its encoding is reused instead
 * of redone. An event's encoding does not depend on what precedes it (a CBOR item; a JSON root
 * value, the factory writing none of its own separators), so the writer copies these bytes as
 * they are.
 */
final class RepeatedValueEncodings implements Closeable {
  /** Variable ids beyond this are encoded every time rather than given a table slot. */
  private static final long LARGEST_REMEMBERED_ID = 1 << 20;

  private final ByteArrayOutputStream scratch = new ByteArrayOutputStream(256);
  private final JsonGenerator generator;
  private ValueRecord[] lastValue = new ValueRecord[64];
  private byte[][] lastEncoding = new byte[64][];

  /** Encodes with a generator of {@code factory}, the one the writer's own generator comes from. */
  RepeatedValueEncodings(JsonFactory factory) throws IOException {
    this.generator = factory.createGenerator(scratch);
  }

  byte[] encoded(TraceEvent.Value event) throws IOException {
    long id = event.variableId();
    if (id < 0 || id > LARGEST_REMEMBERED_ID) {
      return encode(event);
    }
    int slot = (int) id;
    if (slot >= lastValue.length) {
      int size = Math.max(slot + 1, lastValue.length * 2);
      lastValue = Arrays.copyOf(lastValue, size);
      lastEncoding = Arrays.copyOf(lastEncoding, size);
    }
    if (lastValue[slot] != event.value()) {
      lastEncoding[slot] = encode(event);
      lastValue[slot] = event.value();
    }
    return lastEncoding[slot];
  }

  private byte[] encode(TraceEvent.Value event) throws IOException {
    TraceEventSerializer.write(generator, event);
    generator.flush();
    byte[] bytes = scratch.toByteArray();
    scratch.reset();
    return bytes;
  }

  @Override
  public void close() throws IOException {
    generator.close();
  }
}
