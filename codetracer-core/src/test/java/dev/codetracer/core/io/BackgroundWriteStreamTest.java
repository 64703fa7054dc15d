package dev.codetracer.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BackgroundWriteStreamTest {
  @Test
  void everyByteArrivesInOrderWhateverTheSizesOfTheWrites() throws IOException {
    Random random = new Random(7);
    byte[] expected = new byte[300_000];
    random.nextBytes(expected);
    ByteArrayOutputStream target = new ByteArrayOutputStream();

    try (BackgroundWriteStream stream = new BackgroundWriteStream(target, 1000)) {
      int at = 0;
      while (at < expected.length) {
        if (random.nextInt(10) == 0) {
          stream.write(expected[at++]);
        } else {
          // from a byte to several buffers at once
          int length = Math.min(expected.length - at, random.nextInt(3500));
          stream.write(expected, at, length);
          at += length;
        }
      }
    }

    assertThat(target.toByteArray()).isEqualTo(expected);
  }

  @Test
  void flushWritesThroughBeforeItReturns() throws IOException {
    CountingTarget target = new CountingTarget();
    try (BackgroundWriteStream stream = new BackgroundWriteStream(target, 1 << 16)) {
      stream.write(new byte[10]);
      assertThat(target.bytes).as("still in the buffer").isZero();
      stream.flush();
      assertThat(target.bytes).isEqualTo(10);
      assertThat(target.flushes).isEqualTo(1);
    }
    assertThat(target.closed).isTrue();
  }

  @Test
  void aFailureOfTheUnderlyingStreamIsThrownToTheWriterAsItWasThrown() throws IOException {
    CountingTarget target = new CountingTarget();
    target.failAfter = 2500;
    BackgroundWriteStream stream = new BackgroundWriteStream(target, 1000);

    assertThatThrownBy(() -> {
      for (int i = 0; i < 100; i++) {
        stream.write(new byte[500]);
      }
    }).isSameAs(target.failure);
    assertThatThrownBy(stream::close).as("and again at close, which a try-with-resources adds to the first")
        .isNotSameAs(target.failure)
        .hasMessage("No space left on device")
        .hasCause(target.failure);
    assertThat(target.closed).as("the underlying stream is closed all the same").isTrue();
  }

  @Test
  void closedItRefusesWritesAndEndsItsThread() throws IOException {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    BackgroundWriteStream stream = new BackgroundWriteStream(new ByteArrayOutputStream(), 100);
    Set<Thread> its = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.getName().equals("codetracer-stream-writer"))
        .collect(Collectors.toSet());
    assertThat(its).hasSize(1);
    stream.write(1);
    stream.close();
    stream.close();

    assertThatThrownBy(() -> stream.write(2)).isInstanceOf(IOException.class).hasMessage("the stream is closed");
    assertThat(its.iterator().next().isAlive()).isFalse();
  }

  /** Counts what reaches it; fails, like a full disk, once it has taken {@link #failAfter} bytes. */
  private static final class CountingTarget extends OutputStream {
    final IOException failure = new IOException("No space left on device");
    long failAfter = Long.MAX_VALUE;
    long bytes;
    int flushes;
    boolean closed;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (bytes + len > failAfter) {
        throw failure;
      }
      bytes += len;
    }

    @Override
    public void flush() {
      flushes++;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
