package dev.codetracer.core.jvm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes values in the change log's compact binary form: a tag byte, then varints and UTF-8
 * text. The agent's snapshotter uses one on the recording thread (it grows, never shrinks, so a
 * steady state allocates nothing but the copy it hands on); the expander reads it back with
 * {@link ValueDecoder}.
 *
 * <pre>
 * NULL                           SEQUENCE type total shown element*    STRUCT layout value*
 * INT type zigzag-varint          MAP type total shown (key value)*     RAW type text
 * FLOAT type 8-byte-bits          STRING total-length text               ENUM type text
 * BOOL type byte                  CHAR type varint                       ERROR text
 * CYCLE type                      ELIDED type
 * APPEND previous-shown total added element*      STRING_APPEND previous-kept total text
 * SPLICE map previous-shown total from removed added (element | key value)*
 * </pre>
 *
 * <p>The two APPEND forms describe a variable's new value as its previous one grown at the end
 * (a list or a StringBuilder filled in a loop), so that it is not copied whole at every line.
 * SPLICE describes it as its previous sequence or map with the elements (entries, for a map)
 * {@code from} to {@code from + removed} replaced by the {@code added} ones that follow: a map
 * whose one entry a loop updates, or a list with an element set or inserted.
 */
public final class ValueEncoder {
  public static final byte NULL = 0;
  public static final byte INT = 1;
  public static final byte FLOAT = 2;
  public static final byte BOOL = 3;
  public static final byte CHAR = 4;
  public static final byte STRING = 5;
  public static final byte SEQUENCE = 6;
  public static final byte MAP = 7;
  public static final byte STRUCT = 8;
  public static final byte RAW = 9;
  public static final byte ENUM = 10;
  public static final byte ERROR = 11;
  public static final byte CYCLE = 12;
  public static final byte ELIDED = 13;
  /** Elements added at the end of a sequence: the variable's previous value, grown. */
  public static final byte APPEND = 14;
  /** Text added at the end of a string (a StringBuilder's): the variable's previous value, grown. */
  public static final byte STRING_APPEND = 15;
  /** Elements (or a map's entries) replaced in the middle: the variable's previous value, changed there. */
  public static final byte SPLICE = 16;

  private byte[] bytes;
  private int size;

  public ValueEncoder(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  public int size() {
    return size;
  }

  public void reset() {
    size = 0;
  }

  /** Drops what was written after {@code mark} (a value that turned out too large). */
  public void truncate(int mark) {
    size = mark;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  public byte[] array() {
    return bytes;
  }

  public void nullValue() {
    put(NULL);
  }

  public void intValue(int type, long value) {
    put(INT);
    varint(type);
    varlong((value << 1) ^ (value >> 63));
  }

  public void floatValue(int type, double value) {
    put(FLOAT);
    varint(type);
    long bits = Double.doubleToRawLongBits(value);
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (bits >>> shift);
    }
  }

  public void boolValue(int type, boolean value) {
    put(BOOL);
    varint(type);
    put((byte) (value ? 1 : 0));
  }

  public void charValue(int type, char value) {
    put(CHAR);
    varint(type);
    varint(value);
  }

  /** A string, cut to {@code maxChars} (the reader sees the full length and adds a marker). */
  public void string(String value, int maxChars) {
    put(STRING);
    varint(value.length());
    text(value.length() > maxChars ? value.substring(0, cutPoint(value, maxChars)) : value);
  }

  /** The first characters of a longer text (a StringBuilder's), and the text's full length. */
  public void stringPrefix(String prefix, int totalLength) {
    put(STRING);
    varint(Math.max(totalLength, prefix.length()));
    text(prefix);
  }

  public void startSequence(int type, int total, int shown) {
    put(SEQUENCE);
    varint(type);
    varint(total);
    varint(shown);
  }

  public void startMap(int type, int total, int shown) {
    put(MAP);
    varint(type);
    varint(total);
    varint(shown);
  }

  public void startStruct(int layout) {
    put(STRUCT);
    varint(layout);
  }

  public void startAppend(int previousShown, int total, int added) {
    put(APPEND);
    varint(previousShown);
    varint(total);
    varint(added);
  }

  /** A splice of the variable's previous value; the {@code added} elements (or entries) follow. */
  public void startSplice(boolean map, int previousShown, int total, int from, int removed, int added) {
    put(SPLICE);
    put(map ? (byte) 1 : (byte) 0);
    varint(previousShown);
    varint(total);
    varint(from);
    varint(removed);
    varint(added);
  }

  /** Latin-1 text appended to a string value; {@code previousKept} characters of it were kept. */
  public void latin1Append(int previousKept, int total, byte[] latin1, int from, int to) {
    put(STRING_APPEND);
    varint(previousKept);
    varint(total);
    latin1Text(latin1, from, to);
  }

  public void raw(int type, String text) {
    put(RAW);
    varint(type);
    text(text);
  }

  public void enumValue(int type, String name) {
    put(ENUM);
    varint(type);
    text(name);
  }

  public void error(String message) {
    put(ERROR);
    text(message);
  }

  public void cycle(int type) {
    put(CYCLE);
    varint(type);
  }

  public void elided(int type) {
    put(ELIDED);
    varint(type);
  }

  /** Raw bytes (program output): length, then the bytes. */
  public void blob(byte[] data, int offset, int length) {
    varint(length);
    append(data, offset, length);
  }

  /** Appends an already encoded value. */
  public void append(byte[] encoded, int offset, int length) {
    ensure(length);
    System.arraycopy(encoded, offset, bytes, size, length);
    size += length;
  }

  /** Length-prefixed UTF-8; ASCII text (the common case) is copied without an intermediate array. */
  private void text(String text) {
    int length = text.length();
    int start = size;
    ensure(length + 5);
    varint(length);
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        break;
      }
      bytes[size++] = (byte) c;
      i++;
    }
    if (i == length) {
      return;
    }
    size = start;
    byte[] utf8 = withoutLoneSurrogates(text).getBytes(StandardCharsets.UTF_8);
    varint(utf8.length);
    append(utf8, 0, utf8.length);
  }

  /**
   * The first {@code count} characters of a Latin-1 text held in bytes (a StringBuilder's array),
   * as a string value of {@code totalLength} characters.
   */
  public void latin1Prefix(byte[] latin1, int count, int totalLength) {
    put(STRING);
    varint(Math.max(totalLength, count));
    latin1Text(latin1, 0, count);
  }

  /** Bytes {@code from} to {@code to} of a Latin-1 text as length-prefixed UTF-8; ASCII is copied as it is. */
  private void latin1Text(byte[] latin1, int from, int to) {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      ascii &= latin1[i] >= 0;
    }
    if (ascii) {
      varint(to - from);
      append(latin1, from, to - from);
    } else {
      text(new String(latin1, from, to - from, StandardCharsets.ISO_8859_1));
    }
  }

  /**
   * The text with each half of a surrogate pair that stands alone (a string cut inside a pair, a
   * char array's) as U+FFFD, the replacement character: UTF-8 cannot hold it, and the JDK's
   * encoder would write a {@code ?}, which cannot be told from a real one.
   */
  static String withoutLoneSurrogates(String text) {
    StringBuilder replaced = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
          : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
      if (!paired && replaced == null) {
        replaced = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (replaced != null) {
        replaced.append(paired ? c : '\uFFFD');
      }
    }
    return replaced == null ? text : replaced.toString();
  }

  private static int cutPoint(String value, int maxChars) {
    return Character.isHighSurrogate(value.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
  }

  private void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  private void varint(int value) {
    varlong(value & 0xFFFF_FFFFL);
  }

  private void varlong(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
