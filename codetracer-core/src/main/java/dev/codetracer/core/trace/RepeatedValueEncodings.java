package dev.codetracer.core.trace;

import java.io.IOException;
import java.util.Arrays;

/**
 * The encoding (CBOR or JSON text) of each variable's last {@code Value} event. A recorder emits
 * the value of every visible variable after every step, mostly the very same value instance as
 * after the step before ({@link ValueRecord}s are immutable), so its encoding is reused instead
 * of redone.
 */
final class RepeatedValueEncodings {
  /** Encodes one event on its own, exactly as the writer's generator would. */
  @FunctionalInterface
  interface Encoder {
    byte[] encode(TraceEvent.Value event) throws IOException;
  }

  /** Variable ids beyond this are encoded every time rather than given a table slot. */
  private static final long LARGEST_REMEMBERED_ID = 1 << 20;

  private final Encoder encoder;
  private ValueRecord[] lastValue = new ValueRecord[64];
  private byte[][] lastEncoding = new byte[64][];

  RepeatedValueEncodings(Encoder encoder) {
    this.encoder = encoder;
  }

  byte[] encoded(TraceEvent.Value event) throws IOException {
    long id = event.variableId();
    if (id < 0 || id > LARGEST_REMEMBERED_ID) {
      return encoder.encode(event);
    }
    int slot = (int) id;
    if (slot >= lastValue.length) {
      int size = Math.max(slot + 1, lastValue.length * 2);
      lastValue = Arrays.copyOf(lastValue, size);
      lastEncoding = Arrays.copyOf(lastEncoding, size);
    }
    if (lastValue[slot] != event.value()) {
      lastEncoding[slot] = encoder.encode(event);
      lastValue[slot] = event.value();
    }
    return lastEncoding[slot];
  }
}
