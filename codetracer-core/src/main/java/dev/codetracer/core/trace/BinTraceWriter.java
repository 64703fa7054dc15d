package dev.codetracer.core.trace;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code trace.bin} version 1: the 8-byte header, then each event as one definite-length
 * CBOR item, packed into independent zstd frames, then the seek table that makes the body a
 * Zstandard seekable file. A frame holds whole events only, so a file cut short keeps every event
 * of its complete frames (see {@link TraceRepair}).
 *
 * <p>Frames are cut at {@link #DEFAULT_FRAME_SIZE} bytes of CBOR. Everything since the last cut
 * lives in memory until {@link #flush} or {@link #close}: a killed process loses at most that.
 */
public final class BinTraceWriter implements TraceEventWriter {
  /**
   * 4 MiB of CBOR per frame (zeekstd, CodeTracer's encoder, cuts at 2 MiB). zstd finds the repeats
   * of a loop body within a frame only, so frames must hold many iterations; beyond 1 MiB the size
   * barely changes, while a bigger frame costs more when lost and more reader memory. Measured in
   * BinTraceWriterTest: about 4.9 bytes per step on a counting loop whose locals change at every
   * step, 0.1 on a loop whose locals cycle through a few values.
   */
  public static final int DEFAULT_FRAME_SIZE = 4 << 20;
  /**
   * zstd's default level, as zeekstd uses: fast enough to keep up with a recorder. Higher levels
   * do not pay on these streams (levels 1 to 19 all gave 4.1 to 4.9 bytes per step on the
   * counting loop; level 19 took 200 times longer).
   */
  public static final int DEFAULT_LEVEL = 3;

  private static final CBORFactory CBOR = new CBORFactory();
  /**
   * zeekstd 0.5.0, the seekable library of CodeTracer's runtime_tracing, wrongly reports
   * corruption for a seek table of exactly this many frames (fixed in its 0.5.1).
   */
  private static final int FRAME_COUNT_ZEEKSTD_050_REJECTS = 1022;

  private final OutputStream out;
  private final int frameSize;
  private final ZstdCompressCtx zstd;
  private final FrameBuffer frame = new FrameBuffer();
  private final CBORGenerator generator;
  private final SeekTable seekTable = new SeekTable();
  private final RepeatedValueEncodings valueEncodings;
  private byte[] compressed = new byte[0];
  private long eventCount;
  private long bytesWritten;
  private boolean closed;

  /** Writes to {@code out}, which this writer closes; a frame size in bytes of CBOR, a zstd level. */
  public BinTraceWriter(OutputStream out, int frameSize, int level) throws IOException {
    if (frameSize <= 0 || frameSize > BinTraceLayout.MAX_FRAME_DECOMPRESSED_SIZE / 2) {
      throw new IllegalArgumentException("frame size out of range: " + frameSize);
    }
    this.out = out;
    this.frameSize = frameSize;
    this.zstd = new ZstdCompressCtx().setLevel(level).setChecksum(false).setContentSize(true);
    this.generator = CBOR.createGenerator(frame);
    this.valueEncodings = new RepeatedValueEncodings(CBOR);
    out.write(BinTraceLayout.HEADER);
    bytesWritten = BinTraceLayout.HEADER.length;
  }

  public BinTraceWriter(OutputStream out) throws IOException {
    this(out, DEFAULT_FRAME_SIZE, DEFAULT_LEVEL);
  }

  public static BinTraceWriter create(Path file) throws IOException {
    return new BinTraceWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  public static BinTraceWriter create(Path file, int frameSize, int level) throws IOException {
    return new BinTraceWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), frameSize, level);
  }

  @Override
  public void write(TraceEvent event) throws IOException {
    if (event instanceof TraceEvent.Value value) {
      generator.flush();
      frame.write(valueEncodings.encoded(value));
    } else {
      TraceEventSerializer.write(generator, event);
    }
    eventCount++;
    if (frame.size() + generator.getOutputBuffered() >= frameSize) {
      endFrame();
    }
  }

  /** Ends the current frame and pushes it to the file: each call costs a frame, so call it rarely. */
  @Override
  public void flush() throws IOException {
    endFrame();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      generator.close();
      valueEncodings.close();
      endFrame();
      if (seekTable.frames() == FRAME_COUNT_ZEEKSTD_050_REJECTS) {
        writeFrame(new byte[0], 0);
      }
      seekTable.writeTo(out);
      bytesWritten += seekTable.serializedSize();
    } finally {
      zstd.close();
      out.close();
    }
  }

  /** Events written so far. */
  public long eventCount() {
    return eventCount;
  }

  /** Bytes in the file so far (all of them once closed). */
  public long bytesWritten() {
    return bytesWritten;
  }

  private void endFrame() throws IOException {
    generator.flush();
    if (frame.size() > 0) {
      writeFrame(frame.bytes(), frame.size());
      frame.reset();
    }
  }

  private void writeFrame(byte[] data, int length) throws IOException {
    int bound = Math.toIntExact(Zstd.compressBound(length));
    if (compressed.length < bound) {
      compressed = new byte[bound];
    }
    int size = zstd.compressByteArray(compressed, 0, bound, data, 0, length);
    out.write(compressed, 0, size);
    seekTable.add(size, length);
    bytesWritten += size;
  }

  /** A byte buffer whose array can be handed to the compressor without a copy. */
  private static final class FrameBuffer extends ByteArrayOutputStream {
    FrameBuffer() {
      super(1 << 16);
    }

    byte[] bytes() {
      return buf;
    }
  }
}
