package dev.codetracer.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A buffered output stream whose buffers reach the underlying stream on a thread of its own, so
 * that the caller goes on producing the next buffer while the last one is written: a stream file
 * of gigabytes (a {@code trace.json} of a long run) costs its writer little more than the
 * encoding, the kernel's copying happening beside it. Two buffers: the one being filled and the
 * one being written; a full buffer waits for the write before it. A failure of the underlying
 * stream (a full disk) is thrown, as it was thrown there, by the next write, flush or close, and
 * with its message by any after that.
 * Not thread-safe, as {@code BufferedOutputStream} is not meant to be shared either.
 */
public final class BackgroundWriteStream extends OutputStream {
  private final OutputStream out;
  private final Thread thread;
  private byte[] filling;
  private byte[] spare;
  private int count;
  /** Guarded by {@code this}: the buffer handed to the thread and its length, null when none. */
  private byte[] handedOff;
  private int handedOffLength;
  private boolean flushRequested;
  private boolean closing;
  private IOException failure;
  private boolean failureReported;
  private boolean closed;

  public BackgroundWriteStream(OutputStream out, int bufferSize) {
    if (bufferSize <= 0) {
      throw new IllegalArgumentException("buffer size must be positive: " + bufferSize);
    }
    this.out = Objects.requireNonNull(out);
    this.filling = new byte[bufferSize];
    this.spare = new byte[bufferSize];
    this.thread = new Thread(this::writeBuffers, "codetracer-stream-writer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    if (count == filling.length) {
      handOff(false);
    }
    filling[count++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    ensureOpen();
    while (length > 0) {
      if (count == filling.length) {
        handOff(false);
      }
      int chunk = Math.min(length, filling.length - count);
      System.arraycopy(bytes, offset, filling, count, chunk);
      count += chunk;
      offset += chunk;
      length -= chunk;
    }
  }

  /** Writes everything so far through to the underlying stream and flushes it; waits for that. */
  @Override
  public void flush() throws IOException {
    handOff(true);
    awaitIdle();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    IOException failed = null;
    try {
      flush();
    } catch (IOException e) {
      failed = e;
    }
    closed = true;
    synchronized (this) {
      closing = true;
      notifyAll();
    }
    joinThread();
    try {
      out.close();
    } catch (IOException e) {
      if (failed == null) {
        failed = e;
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  /** Gives the filled part to the thread once it has written the last one; fills the other buffer. */
  private void handOff(boolean flush) throws IOException {
    ensureOpen();
    awaitIdle();
    synchronized (this) {
      handedOff = filling;
      handedOffLength = count;
      flushRequested = flush;
      notifyAll();
    }
    byte[] written = filling;
    filling = spare;
    spare = written;
    count = 0;
  }

  /** Waits until the thread has written what it was given; throws what writing it threw. */
  private synchronized void awaitIdle() throws IOException {
    boolean interrupted = false;
    try {
      while (handedOff != null && failure == null) {
        try {
          wait();
        } catch (InterruptedException e) {
          // the bytes are on their way: losing them would cut the stream in the middle
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure != null) {
      throw reportedFailure();
    }
  }

  /**
   * The failure as it was thrown the first time; after that a new exception with its message (the
   * same instance thrown twice, by a write and then by close, cannot be suppressed in itself).
   */
  private IOException reportedFailure() {
    if (failureReported) {
      return new IOException(failure.getMessage(), failure);
    }
    failureReported = true;
    return failure;
  }

  private void writeBuffers() {
    while (true) {
      byte[] buffer;
      int length;
      boolean flush;
      synchronized (this) {
        while (handedOff == null && !closing) {
          try {
            wait();
          } catch (InterruptedException e) {
            // only close ends this thread
          }
        }
        if (handedOff == null) {
          return;
        }
        buffer = handedOff;
        length = handedOffLength;
        flush = flushRequested;
      }
      IOException failed = null;
      try {
        out.write(buffer, 0, length);
        if (flush) {
          out.flush();
        }
      } catch (IOException e) {
        failed = e;
      } catch (RuntimeException | Error e) {
        failed = new IOException("writing the stream failed: " + e, e);
      }
      synchronized (this) {
        handedOff = null;
        if (failed != null) {
          failure = failed;
        }
        notifyAll();
        if (failed != null) {
          return;
        }
      }
    }
  }

  private void joinThread() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("the stream is closed");
    }
  }
}
