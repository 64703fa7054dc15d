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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes {@code trace.bin} version 1: the 8-byte header, then each event as one definite-length
 * CBOR item, packed into independent zstd frames, then the seek table that makes the body a
 * Zstandard seekable file. A frame holds whole events only, so a file cut short keeps every event
 * of its complete frames (see {@link TraceRepair}).
 *
 * <p>Frames are cut at {@link #DEFAULT_FRAME_SIZE} bytes of CBOR. Everything since the last cut
 * lives in memory until {@link #flush} or {@link #close}: a killed process loses at most that, and
 * the frame being compressed. A frame is compressed on a thread of its own while the next one is
 * encoded (compression is a third of the work), and written when the next frame is cut.
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

  /**
   * Less CBOR than this is not cut into a frame of its own just to learn its compressed size
   * ({@link #reaches}): so small a frame would be mostly zstd's and the seek table's overhead.
   */
  private static final int MIN_EARLY_FRAME = 4 << 10;

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
  private final ExecutorService compressor =
      Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "codetracer-trace-compressor");
        thread.setDaemon(true);
        return thread;
      });
  /** The frame being compressed (its CBOR in {@link #spare}), or null. */
  private Future<Compressed> pending;
  private int pendingLength;
  /** The buffer not being filled: the frame being compressed reads it. */
  private byte[] spare = new byte[1 << 16];
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
    if (openFrameSize() >= frameSize) {
      endFrame();
    }
  }

  /** Ends the current frame and pushes it to the file: each call costs a frame, so call it rarely. */
  @Override
  public void flush() throws IOException {
    endFrame();
    writePending();
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
      writePending();
      if (seekTable.frames() == FRAME_COUNT_ZEEKSTD_050_REJECTS) {
        write(compress(new byte[0], 0));
      }
      seekTable.writeTo(out);
      bytesWritten += seekTable.serializedSize();
    } finally {
      // after a failure a frame may still be compressing: zstd's context is closed once it is done
      if (pending != null) {
        try {
          awaitUninterruptibly(pending);
        } catch (ExecutionException e) {
          // the failure that brought us here is the one reported
        }
      }
      compressor.shutdown();
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

  /**
   * Whether the file, closed now, would hold at least {@code limit} bytes: what the {@code
   * maxBytes} cap asks at each step. Frames not yet compressed count at zstd's bound; when that
   * bound reaches the limit, the frame being filled is compressed at once to learn its real size,
   * so that the file ends just under the limit rather than up to a frame's worth of CBOR under it.
   */
  public boolean reaches(long limit) throws IOException {
    if (sizeBound() < limit) {
      return false;
    }
    if (openFrameSize() < MIN_EARLY_FRAME) {
      return true;
    }
    endFrame();
    writePending();
    return sizeBound() >= limit;
  }

  /** The file's size were it closed now, at most. */
  private long sizeBound() {
    long bound = bytesWritten + seekTable.serializedSize();
    if (pending != null) {
      bound += compressBound(pendingLength) + SeekTable.ENTRY_SIZE;
    }
    int open = openFrameSize();
    if (open > 0) {
      bound += compressBound(open) + SeekTable.ENTRY_SIZE;
    }
    return bound;
  }

  private int openFrameSize() {
    return frame.size() + generator.getOutputBuffered();
  }

  /** zstd's ZSTD_COMPRESSBOUND, in Java: {@link Zstd#compressBound} is a native call, and this runs at every step. */
  static long compressBound(int length) {
    int smallInputMargin = length < (128 << 10) ? ((128 << 10) - length) >>> 11 : 0;
    return (long) length + (length >>> 8) + smallInputMargin;
  }

  /** Hands the frame to the compressor once the one before is written, and fills the other buffer. */
  private void endFrame() throws IOException {
    generator.flush();
    if (frame.size() > 0) {
      writePending();
      int length = frame.size();
      byte[] data = frame.swap(spare);
      spare = data;
      pending = compressor.submit(() -> compress(data, length));
      pendingLength = length;
    }
  }

  private void writePending() throws IOException {
    if (pending == null) {
      return;
    }
    Compressed done;
    try {
      done = awaitUninterruptibly(pending);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException("compressing a frame failed: " + cause, cause);
    } finally {
      pending = null;
    }
    write(done);
  }

  /**
   * Runs on the compressor's thread, one frame at a time (the empty frame {@link #close} may add
   * runs on the caller's, the compressor idle): {@link #compressed} is free again once written.
   */
  private Compressed compress(byte[] data, int length) {
    int bound = Math.toIntExact(Zstd.compressBound(length));
    if (compressed.length < bound) {
      compressed = new byte[bound];
    }
    int size = zstd.compressByteArray(compressed, 0, bound, data, 0, length);
    return new Compressed(compressed, size, length);
  }

  private void write(Compressed frame) throws IOException {
    out.write(frame.bytes(), 0, frame.size());
    seekTable.add(frame.size(), frame.decompressedSize());
    bytesWritten += frame.size();
  }

  private record Compressed(byte[] bytes, int size, int decompressedSize) {}

  private static <T> T awaitUninterruptibly(Future<T> future) throws ExecutionException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          // the frame is needed whole, or the stream breaks in its middle
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A byte buffer whose array can be handed to the compressor without a copy. */
  private static final class FrameBuffer extends ByteArrayOutputStream {
    FrameBuffer() {
      super(1 << 16);
    }

    /** Takes {@code empty} as the buffer to fill; returns the one filled so far. */
    byte[] swap(byte[] empty) {
      byte[] filled = buf;
      buf = empty;
      count = 0;
      return filled;
    }
  }
}
