package dev.codetracer.viewer.stream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a file from a position with positional reads only, so many of these can share one channel
 * across threads.
 */
final class PositionalInputStream extends InputStream {
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(16 << 10);
  private long nextRead;

  PositionalInputStream(FileChannel channel, long start) {
    this.channel = channel;
    this.nextRead = start;
    buffer.limit(0);
  }

  @Override
  public int read() throws IOException {
    return fill() ? buffer.get() & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, buffer.remaining());
    buffer.get(b, off, n);
    return n;
  }

  private boolean fill() throws IOException {
    if (buffer.hasRemaining()) {
      return true;
    }
    buffer.clear();
    int n = channel.read(buffer, nextRead);
    buffer.flip();
    if (n <= 0) {
      return false;
    }
    nextRead += n;
    return true;
  }
}
