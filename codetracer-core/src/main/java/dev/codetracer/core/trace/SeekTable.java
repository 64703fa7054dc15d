package dev.codetracer.core.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The seek table of a Zstandard seekable body: one (compressed size, decompressed size) entry per
 * frame, stored at the end of the file in a skippable frame. Written in the "Foot" layout without
 * per-frame checksums (descriptor 0), which is what zeekstd, the encoder CodeTracer uses, writes.
 */
final class SeekTable {
  static final int ENTRY_SIZE = 8;
  private static final int CHECKSUMMED_ENTRY_SIZE = 12;

  private int[] compressed = new int[16];
  private int[] decompressed = new int[16];
  private int frames;

  void add(int compressedSize, int decompressedSize) {
    if (frames == compressed.length) {
      compressed = Arrays.copyOf(compressed, frames * 2);
      decompressed = Arrays.copyOf(decompressed, frames * 2);
    }
    compressed[frames] = compressedSize;
    decompressed[frames] = decompressedSize;
    frames++;
  }

  int frames() {
    return frames;
  }

  /** The compressed size of a frame, as an unsigned 32-bit number. */
  long compressedSize(int frame) {
    return Integer.toUnsignedLong(compressed[frame]);
  }

  long decompressedSize(int frame) {
    return Integer.toUnsignedLong(decompressed[frame]);
  }

  long totalCompressedSize() {
    long total = 0;
    for (int i = 0; i < frames; i++) {
      total += compressedSize(i);
    }
    return total;
  }

  /** The size of the skippable frame {@link #writeTo} writes. */
  long serializedSize() {
    return 8L + (long) frames * ENTRY_SIZE + BinTraceLayout.SEEK_TABLE_FOOTER_SIZE;
  }

  void writeTo(OutputStream out) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(serializedSize())).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(BinTraceLayout.SEEK_TABLE_MAGIC);
    buffer.putInt(frames * ENTRY_SIZE + BinTraceLayout.SEEK_TABLE_FOOTER_SIZE);
    for (int i = 0; i < frames; i++) {
      buffer.putInt(compressed[i]);
      buffer.putInt(decompressed[i]);
    }
    buffer.putInt(frames);
    buffer.put((byte) 0);
    buffer.putInt(BinTraceLayout.SEEKABLE_FOOTER_MAGIC);
    out.write(buffer.array());
  }

  /**
   * Reads the seek table at the end of a {@code trace.bin} and checks that its frames exactly fill
   * the space between the header and the table.
   *
   * @throws InvalidTraceException naming what is missing or inconsistent
   */
  static SeekTable readFrom(FileChannel channel, String source) throws IOException {
    long size = channel.size();
    long bodyStart = BinTraceLayout.HEADER.length;
    int footerSize = BinTraceLayout.SEEK_TABLE_FOOTER_SIZE;
    if (size < bodyStart + 8 + footerSize) {
      throw noTable(source, "the file is too short to hold one");
    }
    ByteBuffer footer = read(channel, size - footerSize, footerSize);
    long frameCount = Integer.toUnsignedLong(footer.getInt());
    int descriptor = footer.get() & 0xff;
    if (footer.getInt() != BinTraceLayout.SEEKABLE_FOOTER_MAGIC) {
      throw noTable(source, "its last 4 bytes are not the seekable magic number B1 EA 92 8F");
    }
    if ((descriptor & BinTraceLayout.RESERVED_BITS) != 0) {
      throw new InvalidTraceException(source + ": the seek table descriptor has reserved bits set (" + descriptor + ")");
    }
    int entrySize = (descriptor & BinTraceLayout.CHECKSUM_FLAG) != 0 ? CHECKSUMMED_ENTRY_SIZE : ENTRY_SIZE;
    long tableFrameSize = frameCount * entrySize + footerSize;
    long tableStart = size - 8 - tableFrameSize;
    if (tableStart < bodyStart) {
      throw new InvalidTraceException(source + ": the seek table claims " + frameCount + " frames, more than the file can hold");
    }
    ByteBuffer table = read(channel, tableStart, Math.toIntExact(8 + frameCount * entrySize));
    int magic = table.getInt();
    long declaredSize = Integer.toUnsignedLong(table.getInt());
    if (magic != BinTraceLayout.SEEK_TABLE_MAGIC || declaredSize != tableFrameSize) {
      throw new InvalidTraceException(source + ": the seek table's skippable frame header is missing or has the wrong size");
    }
    SeekTable seekTable = new SeekTable();
    for (long i = 0; i < frameCount; i++) {
      int compressedSize = table.getInt();
      int decompressedSize = table.getInt();
      if (entrySize == CHECKSUMMED_ENTRY_SIZE) {
        table.getInt();
      }
      seekTable.add(compressedSize, decompressedSize);
    }
    long framesEnd = bodyStart + seekTable.totalCompressedSize();
    if (framesEnd != tableStart) {
      throw new InvalidTraceException(source + ": the seek table's " + frameCount + " frames end at byte " + framesEnd
          + " but the table starts at byte " + tableStart);
    }
    return seekTable;
  }

  private static InvalidTraceException noTable(String source, String why) {
    return new InvalidTraceException(source + " has no seek table at its end (" + why
        + "): the recording was not finished; `codetracer repair` can fix it");
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
