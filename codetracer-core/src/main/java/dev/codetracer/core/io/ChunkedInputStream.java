package dev.codetracer.core.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream over chunks of bytes that a subclass supplies one at a time (the decompressed
 * frames of a {@code trace.bin}, for instance), so that only the current chunk is in memory.
 */
public abstract class ChunkedInputStream extends InputStream {
  private byte[] chunk = new byte[0];
  private int length;
  private int position;

  /**
   * Makes the next chunk current by calling {@link #startChunk}.
   *
   * @return false at the end of the stream
   */
  protected abstract boolean nextChunk() throws IOException;

  /** The current chunk: {@code bytes[0..length)}, read on from {@code position}. */
  protected final void startChunk(byte[] bytes, int length, int position) {
    this.chunk = bytes;
    this.length = length;
    this.position = position;
  }

  /** How far into the current chunk the stream has come. */
  protected final int positionInChunk() {
    return position;
  }

  @Override
  public int read() throws IOException {
    return hasData() ? chunk[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!hasData()) {
      return -1;
    }
    int n = Math.min(len, length - position);
    System.arraycopy(chunk, position, b, off, n);
    position += n;
    return n;
  }

  private boolean hasData() throws IOException {
    while (position >= length) {
      if (!nextChunk()) {
        return false;
      }
    }
    return true;
  }
}
