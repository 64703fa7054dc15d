package dev.codetracer.viewer.stream;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import dev.codetracer.core.trace.InvalidTraceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a {@code trace.bin} as one decompressed byte sequence: the seek table tells where
 * each zstd frame lies in the file and in the decompressed body, so any offset of the body can be
 * reached by decompressing one frame. The last few frames stay cached.
 */
final class BinBody {
  static final byte[] HEADER = {(byte) 0xC0, (byte) 0xDE, 0x72, (byte) 0xAC, (byte) 0xE2, 0x01, 0x00, 0x00};
  private static final int SKIPPABLE_MAGIC = 0x184D2A5E;
  private static final int SEEKABLE_FOOTER_MAGIC = 0x8F92EAB1;
  private static final int FOOTER_SIZE = 9;
  private static final int CHECKSUM_FLAG = 0x80;
  private static final int CACHED_FRAMES = 8;
  private static final long MAX_FRAME_SIZE = 1L << 30;

  private final FileChannel channel;
  private final String source;
  /** Per frame, and one past the last: where it starts in the file and in the decompressed body. */
  private final long[] fileStart;
  private final long[] bodyStart;
  private final Map<Integer, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
      return size() > CACHED_FRAMES;
    }
  };

  private BinBody(FileChannel channel, String source, long[] fileStart, long[] bodyStart) {
    this.channel = channel;
    this.source = source;
    this.fileStart = fileStart;
    this.bodyStart = bodyStart;
  }

  static BinBody read(FileChannel channel, String source) throws IOException {
    long size = channel.size();
    if (size < HEADER.length + 8 + FOOTER_SIZE || !Arrays.equals(read(channel, 0, HEADER.length).array(), HEADER)) {
      throw new InvalidTraceException(source + " is not a complete trace.bin (no header or no seek table)");
    }
    ByteBuffer footer = read(channel, size - FOOTER_SIZE, FOOTER_SIZE);
    long frames = Integer.toUnsignedLong(footer.getInt());
    int descriptor = footer.get() & 0xff;
    if (footer.getInt() != SEEKABLE_FOOTER_MAGIC) {
      throw new InvalidTraceException(source + " has no seek table at its end: the recording was not finished"
          + " (`codetracer repair` can fix it)");
    }
    int entrySize = (descriptor & CHECKSUM_FLAG) != 0 ? 12 : 8;
    long tableStart = size - FOOTER_SIZE - frames * entrySize - 8;
    if (tableStart < HEADER.length) {
      throw new InvalidTraceException(source + ": the seek table claims more frames than the file holds");
    }
    ByteBuffer table = read(channel, tableStart, Math.toIntExact(8 + frames * entrySize));
    if (table.getInt() != SKIPPABLE_MAGIC) {
      throw new InvalidTraceException(source + ": the seek table's skippable frame header is missing");
    }
    table.getInt();
    int count = Math.toIntExact(frames);
    long[] fileStart = new long[count + 1];
    long[] bodyStart = new long[count + 1];
    fileStart[0] = HEADER.length;
    for (int i = 0; i < count; i++) {
      long compressed = Integer.toUnsignedLong(table.getInt());
      long decompressed = Integer.toUnsignedLong(table.getInt());
      if (entrySize == 12) {
        table.getInt();
      }
      fileStart[i + 1] = fileStart[i] + compressed;
      bodyStart[i + 1] = bodyStart[i] + decompressed;
    }
    if (fileStart[count] != tableStart) {
      throw new InvalidTraceException(source + ": the seek table's frames do not fill the file");
    }
    return new BinBody(channel, source, fileStart, bodyStart);
  }

  int frames() {
    return fileStart.length - 1;
  }

  long size() {
    return bodyStart[frames()];
  }

  long bodyStart(int frame) {
    return bodyStart[frame];
  }

  /** The frame holding a body offset ({@link #frames()} for the end of the body). */
  int frameOf(long offset) {
    int found = Arrays.binarySearch(bodyStart, offset);
    if (found >= 0) {
      // empty frames share a start: take the last of them that is not the end
      while (found + 1 < bodyStart.length && bodyStart[found + 1] == offset) {
        found++;
      }
      return found;
    }
    return -found - 2;
  }

  /** A frame's decompressed bytes, shared: callers must not modify them. */
  byte[] frame(int index) throws IOException {
    synchronized (cache) {
      byte[] cached = cache.get(index);
      if (cached != null) {
        return cached;
      }
    }
    byte[] data = decompress(index);
    synchronized (cache) {
      cache.put(index, data);
    }
    return data;
  }

  private byte[] decompress(int index) throws IOException {
    long compressedSize = fileStart[index + 1] - fileStart[index];
    long size = bodyStart[index + 1] - bodyStart[index];
    if (size > MAX_FRAME_SIZE || compressedSize > MAX_FRAME_SIZE) {
      throw new InvalidTraceException(source + ": frame " + index + " is larger than a frame may be");
    }
    byte[] compressed = read(channel, fileStart[index], (int) compressedSize).array();
    byte[] data = new byte[(int) size];
    try {
      long produced = Zstd.decompressByteArray(data, 0, data.length, compressed, 0, compressed.length);
      if (produced != size) {
        throw new InvalidTraceException(source + ": frame " + index + " decompresses to " + produced
            + " bytes, but the seek table says " + size);
      }
    } catch (ZstdException e) {
      throw new InvalidTraceException(source + ": frame " + index + " does not decompress (" + e.getMessage() + ")", e);
    }
    return data;
  }

  private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new InvalidTraceException("unexpected end of file at byte " + (position + buffer.position()));
      }
    }
    return buffer.flip();
  }
}
