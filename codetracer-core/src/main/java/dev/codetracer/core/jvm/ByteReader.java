package dev.codetracer.core.jvm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link ValueEncoder} wrote. */
final class ByteReader {
  private final byte[] bytes;
  private int position;

  ByteReader(byte[] bytes) {
    this.bytes = bytes;
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
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = bits << 8 | (bytes[position++] & 0xFF);
    }
    return Double.longBitsToDouble(bits);
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
