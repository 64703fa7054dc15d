package dev.codetracer.viewer.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of fixed-size records, memory-mapped in chunks: the index lives on disk and the page
 * cache, not on the heap, however long the recording. Writable files grow as they are written
 * and are cut to their used size on close. Record sizes are powers of two, so a record never
 * straddles two chunks. Reads are safe from several threads.
 */
final class MappedFile implements Closeable {
  private static final int CHUNK_BITS = 26;
  private static final long CHUNK_SIZE = 1L << CHUNK_BITS;
  private static final long CHUNK_MASK = CHUNK_SIZE - 1;

  private final FileChannel channel;
  private final boolean writable;
  private final List<MappedByteBuffer> chunks = new ArrayList<>();
  private long used;

  private MappedFile(FileChannel channel, boolean writable, long used) {
    this.channel = channel;
    this.writable = writable;
    this.used = used;
  }

  static MappedFile create(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    return new MappedFile(channel, true, 0);
  }

  static MappedFile openReadOnly(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    MappedFile mapped = new MappedFile(channel, false, channel.size());
    for (long start = 0; start < mapped.used; start += CHUNK_SIZE) {
      MappedByteBuffer chunk = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(CHUNK_SIZE, mapped.used - start));
      chunk.order(ByteOrder.LITTLE_ENDIAN);
      mapped.chunks.add(chunk);
    }
    return mapped;
  }

  long size() {
    return used;
  }

  int getInt(long position) {
    return chunk(position).getInt((int) (position & CHUNK_MASK));
  }

  long getLong(long position) {
    return chunk(position).getLong((int) (position & CHUNK_MASK));
  }

  void putInt(long position, int value) {
    writableChunk(position, 4).putInt((int) (position & CHUNK_MASK), value);
  }

  void putLong(long position, long value) {
    writableChunk(position, 8).putLong((int) (position & CHUNK_MASK), value);
  }

  /** Forgets everything from {@code size} on (the file is cut there on close). */
  void truncate(long size) {
    used = Math.min(used, size);
  }

  private MappedByteBuffer chunk(long position) {
    return chunks.get((int) (position >>> CHUNK_BITS));
  }

  private MappedByteBuffer writableChunk(long position, int length) {
    if (!writable) {
      throw new IllegalStateException("read-only index file");
    }
    int index = (int) (position >>> CHUNK_BITS);
    try {
      while (chunks.size() <= index) {
        MappedByteBuffer chunk = channel.map(FileChannel.MapMode.READ_WRITE, (long) chunks.size() * CHUNK_SIZE, CHUNK_SIZE);
        chunk.order(ByteOrder.LITTLE_ENDIAN);
        chunks.add(chunk);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot grow the viewer's index: " + e.getMessage(), e);
    }
    used = Math.max(used, position + length);
    return chunks.get(index);
  }

  @Override
  public void close() throws IOException {
    try {
      if (writable) {
        channel.truncate(used);
      }
    } finally {
      chunks.clear();
      channel.close();
    }
  }
}
