package dev.codetracer.core.trace;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.codetracer.core.io.ChunkedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The decompressed body of a {@code trace.bin}: its frames one after the other, as the seek table
 * lists them. Holds one frame at a time, and checks each against its seek table entry.
 */
final class SeekableFrameInputStream extends ChunkedInputStream {
  private final FileChannel channel;
  private final SeekTable table;
  private final String source;
  private final ZstdDecompressCtx zstd = new ZstdDecompressCtx();

  private int nextFrame;
  private long nextFrameOffset = BinTraceLayout.HEADER.length;
  private byte[] compressed = new byte[0];
  private byte[] frame = new byte[0];

  SeekableFrameInputStream(FileChannel channel, SeekTable table, String source) {
    this.channel = channel;
    this.table = table;
    this.source = source;
  }

  @Override
  protected boolean nextChunk() throws IOException {
    if (nextFrame == table.frames()) {
      return false;
    }
    loadFrame(nextFrame++);
    return true;
  }

  private void loadFrame(int index) throws IOException {
    long compressedSize = table.compressedSize(index);
    long decompressedSize = table.decompressedSize(index);
    if (decompressedSize > BinTraceLayout.MAX_FRAME_DECOMPRESSED_SIZE || compressedSize > Integer.MAX_VALUE - 8) {
      throw new InvalidTraceException(source + ": frame " + index + " is larger than the seekable format allows");
    }
    if (compressed.length < compressedSize) {
      compressed = new byte[(int) compressedSize];
    }
    if (frame.length < decompressedSize) {
      frame = new byte[(int) decompressedSize];
    }
    ByteBuffer target = ByteBuffer.wrap(compressed, 0, (int) compressedSize);
    while (target.hasRemaining()) {
      if (channel.read(target, nextFrameOffset + target.position()) < 0) {
        throw new InvalidTraceException(source + ": frame " + index + " is cut short by the end of the file");
      }
    }
    int produced;
    try {
      produced = zstd.decompressByteArray(frame, 0, (int) decompressedSize, compressed, 0, (int) compressedSize);
    } catch (ZstdException e) {
      throw new InvalidTraceException(source + ": frame " + index + " at byte " + nextFrameOffset
          + " does not decompress (" + e.getMessage() + ")", e);
    }
    if (produced != decompressedSize) {
      throw new InvalidTraceException(source + ": frame " + index + " decompresses to " + produced
          + " bytes, but the seek table says " + decompressedSize);
    }
    nextFrameOffset += compressedSize;
    startChunk(frame, produced, 0);
  }

  @Override
  public void close() {
    zstd.close();
  }
}
