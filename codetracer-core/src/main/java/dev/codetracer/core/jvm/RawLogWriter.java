package dev.codetracer.core.jvm;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends records to a change log. Used by one thread at a time: the agent's writer thread, or
 * its appender thread while the writer copies chunks as they are (the agent's LogAppender). The
 * file is locked while it is open ({@link ChangeLog}): a recording whose JVM still runs is never
 * finished under it. The kernel drops the lock when the JVM ends, however it ends.
 */
public final class RawLogWriter implements Closeable {
  private final FileChannel channel;
  private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
  private long bytesWritten;

  public RawLogWriter(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    ChangeLog.lockWhileWriting(channel);
    writeFully(ByteBuffer.wrap(RawLog.MAGIC));
  }

  public void definitions(List<RawDefinition> definitions) throws IOException {
    if (definitions.isEmpty()) {
      return;
    }
    byte[] json = DefinitionCodec.write(definitions);
    ByteBuffer out = prepare(5 + json.length);
    out.put(RawLog.DEFINITIONS).putInt(json.length).put(json);
    flip();
  }

  /** A chunk of {@code count} events encoded by {@code codec}, and the encoded values they refer to. */
  public void encodedEvents(int count, EventCodec codec, byte[] values, int valuesLength) throws IOException {
    int payload = 8 + codec.size() + valuesLength;
    ByteBuffer out = prepare(5 + payload);
    out.put(RawLog.EVENTS).putInt(payload).putInt(count).putInt(codec.size());
    out.put(codec.bytes(), 0, codec.size());
    out.put(values, 0, valuesLength);
    flip();
  }

  /** A chunk of events copied as they are, 8 bytes each (quicker than encoding them), and the encoded values they refer to. */
  public void rawEvents(long[] events, int count, byte[] values, int valuesLength) throws IOException {
    int payload = 4 + 8 * count + valuesLength;
    ByteBuffer out = prepare(5 + payload);
    out.put(RawLog.RAW_EVENTS).putInt(payload).putInt(count);
    out.slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(events, 0, count);
    out.position(out.position() + 8 * count);
    out.put(values, 0, valuesLength);
    flip();
  }

  public void end() throws IOException {
    ByteBuffer out = prepare(5);
    out.put(RawLog.END).putInt(0);
    flip();
  }

  /** Bytes in the file so far. */
  public long size() {
    return RawLog.MAGIC.length + bytesWritten;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private ByteBuffer prepare(int size) {
    if (buffer.capacity() < size) {
      buffer = ByteBuffer.allocateDirect(Math.max(size, buffer.capacity() * 2));
    }
    buffer.clear();
    return buffer;
  }

  private void flip() throws IOException {
    buffer.flip();
    bytesWritten += buffer.remaining();
    writeFully(buffer);
  }

  private void writeFully(ByteBuffer data) throws IOException {
    while (data.hasRemaining()) {
      channel.write(data);
    }
  }
}
