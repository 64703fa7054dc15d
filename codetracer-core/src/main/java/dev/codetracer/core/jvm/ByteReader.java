package dev.codetracer.core.jvm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link ValueEncoder} and {@link EventCodec} wrote. */
final class ByteReader {
  private final byte[] bytes;
  private int position;

  ByteReader(byte[] bytes) {
    this(bytes, 0);
  }

  ByteReader(byte[] bytes, int offset) {
    this.bytes = bytes;
    this.position = offset;
  }

  int position() {
    return position;
  }

  byte tag() {
    return bytes[position++];
  }

  byte peekTag() {
    return bytes[position];
  }

  boolean bool() {
    return bytes[position++] != 0;
  }

  int varint() {
    return (int) varlong();
  }

  long varlong() {
    long result = 0;
    int shift = 0;
    while (true) {
      byte b = bytes[position++];
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
      shift += 7;
    }
  }

  long zigzag() {
    long raw = varlong();
    return (raw >>> 1) ^ -(raw & 1);
  }

  double float64() {
    return Double.longBitsToDouble(fixed(8));
  }

  /** {@code length} bytes, most significant first. */
  long fixed(int length) {
    long bits = 0;
    for (int i = 0; i < length; i++) {
      bits = bits << 8 | (bytes[position++] & 0xFF);
    }
    return bits;
  }

  String text() {
    int length = varint();
    String text = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return text;
  }

  byte[] blob() {
    int length = varint();
    byte[] blob = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return blob;
  }
}
