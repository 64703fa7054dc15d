package dev.codetracer.core.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Finds where a zstd frame (or a skippable frame) ends by walking its headers (RFC 8878): the
 * frame header, then block headers until the last block, then the optional checksum. Nothing is
 * decompressed, so a file cut short can be walked frame by frame without a seek table.
 */
final class ZstdFrameScanner {
  /** The frame at this position does not end before the end of the file. */
  static final long INCOMPLETE = -1;
  /** The bytes at this position are not the start of a frame. */
  static final long NOT_A_FRAME = -2;

  private static final int[] DICTIONARY_ID_SIZES = {0, 1, 2, 4};
  private static final int[] CONTENT_SIZE_SIZES = {0, 2, 4, 8};
  private static final int BLOCK_RLE = 1;
  private static final int BLOCK_RESERVED = 3;

  private final FileChannel channel;
  private final long end;
  private final ByteBuffer small = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

  ZstdFrameScanner(FileChannel channel, long end) {
    this.channel = channel;
    this.end = end;
  }

  /** The magic number at a position, or null when fewer than 4 bytes are left. */
  Integer magicAt(long position) throws IOException {
    return read(position, 4) ? small.getInt() : null;
  }

  /** The length of the frame starting at {@code position}, {@link #INCOMPLETE} or {@link #NOT_A_FRAME}. */
  long frameLength(long position) throws IOException {
    Integer magic = magicAt(position);
    if (magic == null) {
      return INCOMPLETE;
    }
    if (BinTraceLayout.isSkippableMagic(magic)) {
      if (!read(position + 4, 4)) {
        return INCOMPLETE;
      }
      long length = 8 + Integer.toUnsignedLong(small.getInt());
      return position + length <= end ? length : INCOMPLETE;
    }
    if (magic != BinTraceLayout.ZSTD_FRAME_MAGIC) {
      return NOT_A_FRAME;
    }
    if (!read(position + 4, 1)) {
      return INCOMPLETE;
    }
    int descriptor = small.get() & 0xff;
    if ((descriptor & 0x08) != 0) {
      return NOT_A_FRAME; // reserved bit
    }
    boolean singleSegment = (descriptor & 0x20) != 0;
    int contentSizeFlag = descriptor >>> 6;
    int contentSizeBytes = contentSizeFlag == 0 && singleSegment ? 1 : CONTENT_SIZE_SIZES[contentSizeFlag];
    long cursor = position + 5 + (singleSegment ? 0 : 1) + DICTIONARY_ID_SIZES[descriptor & 3] + contentSizeBytes;
    boolean lastBlock = false;
    while (!lastBlock) {
      if (!read(cursor, 3)) {
        return INCOMPLETE;
      }
      int blockHeader = (small.get() & 0xff) | (small.get() & 0xff) << 8 | (small.get() & 0xff) << 16;
      lastBlock = (blockHeader & 1) != 0;
      int type = (blockHeader >>> 1) & 3;
      int size = blockHeader >>> 3;
      if (type == BLOCK_RESERVED) {
        return NOT_A_FRAME;
      }
      cursor += 3 + (type == BLOCK_RLE ? 1 : size);
    }
    if ((descriptor & 0x04) != 0) {
      cursor += 4; // content checksum
    }
    return cursor <= end ? cursor - position : INCOMPLETE;
  }

  private boolean read(long position, int length) throws IOException {
    if (position + length > end) {
      return false;
    }
    small.clear().limit(length);
    while (small.hasRemaining()) {
      if (channel.read(small, position + small.position()) < 0) {
        return false;
      }
    }
    small.flip();
    return true;
  }
}
