package dev.codetracer.viewer.stream;

import dev.codetracer.core.trace.InvalidTraceException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Finds where each top-level CBOR item (one event) of the decompressed body starts by walking
 * item headers (RFC 8949), without decoding them.
 */
final class CborEventBoundaries implements EventBoundaries {
  private static final int BREAK = 0xff;

  private final InputStream in;
  private final long total;
  private final byte[] buffer = new byte[1 << 16];
  private int length;
  private int index;
  private long bufferStart;

  CborEventBoundaries(InputStream in, long total) {
    this.in = in;
    this.total = total;
  }

  @Override
  public long next() throws IOException {
    if (index == length && !refill()) {
      return -1;
    }
    long start = bufferStart + index;
    skipItem(readByte());
    return start;
  }

  private void skipItem(int initial) throws IOException {
    int major = initial >>> 5;
    int info = initial & 31;
    if (info == 31) {
      skipIndefinite(major);
      return;
    }
    long argument = argument(info);
    switch (major) {
      case 0, 1 -> {
        // the integer is its argument
      }
      case 2, 3 -> skipBytes(argument);
      case 4 -> {
        for (long i = 0; i < argument; i++) {
          skipItem(readByte());
        }
      }
      case 5 -> {
        for (long i = 0; i < 2 * argument; i++) {
          skipItem(readByte());
        }
      }
      case 6 -> skipItem(readByte());
      default -> {
        // simple values and floats: their bytes were the argument
      }
    }
  }

  private void skipIndefinite(int major) throws IOException {
    if (major < 2 || major > 5) {
      throw new InvalidTraceException("malformed CBOR at byte " + (bufferStart + index - 1) + " of the decompressed body");
    }
    while (true) {
      int b = readByte();
      if (b == BREAK) {
        return;
      }
      skipItem(b);
      if (major == 5) {
        skipItem(readByte());
      }
    }
  }

  private long argument(int info) throws IOException {
    if (info < 24) {
      return info;
    }
    int bytes = switch (info) {
      case 24 -> 1;
      case 25 -> 2;
      case 26 -> 4;
      case 27 -> 8;
      default -> throw new InvalidTraceException(
          "malformed CBOR at byte " + (bufferStart + index - 1) + " of the decompressed body");
    };
    long value = 0;
    for (int i = 0; i < bytes; i++) {
      value = (value << 8) | readByte();
    }
    return value;
  }

  private void skipBytes(long count) throws IOException {
    long left = count;
    while (left > 0) {
      if (index == length && !refill()) {
        throw new InvalidTraceException("the decompressed body ends inside an event");
      }
      int n = (int) Math.min(left, length - index);
      index += n;
      left -= n;
    }
  }

  private int readByte() throws IOException {
    if (index == length && !refill()) {
      throw new InvalidTraceException("the decompressed body ends inside an event");
    }
    return buffer[index++] & 0xff;
  }

  private boolean refill() throws IOException {
    bufferStart += length;
    length = Math.max(0, in.readNBytes(buffer, 0, buffer.length));
    index = 0;
    return length > 0;
  }

  @Override
  public long done() {
    return bufferStart + index;
  }

  @Override
  public long total() {
    return total;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
