package dev.codetracer.viewer.stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Finds where each element of the top-level JSON array starts by tracking nesting and strings
 * byte by byte: far cheaper than parsing, and UTF-8 safe (multi-byte sequences never contain
 * the bytes it looks at).
 */
final class JsonEventBoundaries implements EventBoundaries {
  private final InputStream in;
  private final long total;
  private final byte[] buffer = new byte[1 << 16];
  private int length;
  private int index;
  private long bufferStart;

  private boolean inArray;
  private boolean arrayClosed;
  /** Nesting below the top-level array: 0 between elements. */
  private int depth;
  private boolean inString;
  private boolean escaped;
  /** Inside a top-level element that is a bare string or literal, which ends without nesting. */
  private boolean inScalarElement;

  JsonEventBoundaries(InputStream in, long total) {
    this.in = in;
    this.total = total;
  }

  @Override
  public long next() throws IOException {
    while (!arrayClosed) {
      if (index == length && !refill()) {
        return -1;
      }
      byte b = buffer[index];
      long position = bufferStart + index;
      index++;
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
          if (depth == 0) {
            inScalarElement = false;
          }
        }
        continue;
      }
      if (!inArray) {
        if (b == '[') {
          inArray = true;
        }
        continue;
      }
      switch (b) {
        case '"' -> {
          inString = true;
          if (depth == 0 && !inScalarElement) {
            inScalarElement = true;
            return position;
          }
        }
        case '{', '[' -> {
          depth++;
          if (depth == 1) {
            return position;
          }
        }
        case '}' -> depth--;
        case ']' -> {
          if (depth == 0) {
            arrayClosed = true;
          } else {
            depth--;
          }
        }
        default -> {
          // commas and whitespace between elements; scalars inside objects need no tracking
        }
      }
    }
    return -1;
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
