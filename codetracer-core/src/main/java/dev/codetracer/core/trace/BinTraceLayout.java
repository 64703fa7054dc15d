package dev.codetracer.core.trace;

import java.util.Arrays;

/**
 * The layout of {@code trace.bin} version 1, as CodeTracer's runtime_tracing crate writes and reads
 * it: an 8-byte header, then a Zstandard seekable-format body (independent zstd frames holding the
 * CBOR events back to back, then the seek table in a skippable frame at the very end).
 */
final class BinTraceLayout {
  /** "C0DE72ACE2" (CodeTracer), format version 1, two reserved zero bytes. */
  static final byte[] HEADER = {(byte) 0xC0, (byte) 0xDE, 0x72, (byte) 0xAC, (byte) 0xE2, 0x01, 0x00, 0x00};

  static final int ZSTD_FRAME_MAGIC = 0xFD2FB528;
  /** Skippable frames use the 16 magic numbers 0x184D2A50..0x184D2A5F. */
  static final int SKIPPABLE_MAGIC_MASK = 0xFFFFFFF0;
  static final int SKIPPABLE_MAGIC_BASE = 0x184D2A50;
  /** The skippable magic number of the frame holding the seek table. */
  static final int SEEK_TABLE_MAGIC = 0x184D2A5E;
  /** The last four bytes of a seekable file. */
  static final int SEEKABLE_FOOTER_MAGIC = 0x8F92EAB1;
  /** Number_Of_Frames (4), Seek_Table_Descriptor (1), Seekable_Magic_Number (4). */
  static final int SEEK_TABLE_FOOTER_SIZE = 9;
  /** Bit 7 of the descriptor: entries carry a 4-byte checksum (deprecated; written by old encoders). */
  static final int CHECKSUM_FLAG = 0x80;
  /** Bits 6..2 of the descriptor must be zero. */
  static final int RESERVED_BITS = 0x7C;
  /** The seekable format's limit on one frame's decompressed size (zstd's and zeekstd's). */
  static final int MAX_FRAME_DECOMPRESSED_SIZE = 0x40000000;

  private BinTraceLayout() {}

  /** The first five bytes say "CodeTracer", whatever the version. */
  static boolean isCodeTracerMagic(byte[] start) {
    return start.length >= 5 && Arrays.equals(start, 0, 5, HEADER, 0, 5);
  }

  static boolean isSkippableMagic(int magic) {
    return (magic & SKIPPABLE_MAGIC_MASK) == SKIPPABLE_MAGIC_BASE;
  }
}
