package dev.codetracer.core.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.codetracer.core.io.ChunkedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Finishes a {@code trace.bin} whose writer stopped early: keeps every complete frame, drops a
 * partial one (and a partial seek table), cuts a frame that ends inside an event back to its last
 * complete event (other writers let events span frames), and writes a fresh seek table.
 */
final class BinTraceRepair {
  private static final CBORFactory CBOR = CBORFactory.builder().streamReadConstraints(TraceReader.CONSTRAINTS).build();

  private final Path file;
  private final FileChannel channel;
  private final long size;

  private BinTraceRepair(Path file, FileChannel channel) throws IOException {
    this.file = file;
    this.channel = channel;
    this.size = channel.size();
  }

  static RepairReport repair(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      return new BinTraceRepair(file, channel).run();
    }
  }

  private RepairReport run() throws IOException {
    byte[] header = new byte[BinTraceLayout.HEADER.length];
    int headerBytes = readAt(0, header);
    if (headerBytes < header.length && Arrays.equals(header, 0, headerBytes, BinTraceLayout.HEADER, 0, headerBytes)) {
      channel.truncate(0);
      JsonTraceRepair.writeFully(channel, ByteBuffer.wrap(BinTraceLayout.HEADER), 0);
      writeSeekTable(new SeekTable(), header.length);
      return new RepairReport(TraceFileFormat.BIN, true, 0, 0, "the file held no events; wrote the header and an empty seek table");
    }
    if (!Arrays.equals(header, BinTraceLayout.HEADER)) {
      throw new InvalidTraceException(file + " does not start with the trace.bin header; not repaired");
    }
    SeekTable existing = existingSeekTable();
    if (existing != null) {
      return new RepairReport(TraceFileFormat.BIN, false, countEvents(existing), 0, "already complete; nothing changed");
    }
    Frames frames = completeFrames();
    Boundary boundary = lastCompleteEvent(frames);
    return rewriteTail(frames, boundary);
  }

  private SeekTable existingSeekTable() throws IOException {
    try {
      return SeekTable.readFrom(channel, file.toString());
    } catch (InvalidTraceException incomplete) {
      return null;
    }
  }

  /** The frames that lie wholly in the file, from the header on. */
  private Frames completeFrames() throws IOException {
    ZstdFrameScanner scanner = new ZstdFrameScanner(channel, size);
    Frames frames = new Frames();
    long position = BinTraceLayout.HEADER.length;
    while (position < size) {
      long length = scanner.frameLength(position);
      if (length == ZstdFrameScanner.NOT_A_FRAME) {
        throw new InvalidTraceException(file + " is damaged at byte " + position
            + " (no zstd frame starts there; not a cut-short file; not repaired)");
      }
      if (length == ZstdFrameScanner.INCOMPLETE) {
        break;
      }
      Integer magic = scanner.magicAt(position);
      frames.add(position, length, BinTraceLayout.isSkippableMagic(magic));
      position += length;
    }
    return frames;
  }

  /** Where the last complete CBOR event ends, in decompressed bytes, and how many events precede it. */
  private record Boundary(long offset, long events) {}

  private Boundary lastCompleteEvent(Frames frames) throws IOException {
    EndTrackingInputStream body = new EndTrackingInputStream(new FramesInputStream(frames));
    long events = 0;
    long end = 0;
    try (JsonParser parser = CBOR.createParser(body)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        parser.skipChildren();
        parser.finishToken();
        end = parser.currentLocation().getByteOffset();
        events++;
      }
    } catch (JsonProcessingException e) {
      if (!body.isCut(e)) {
        throw new InvalidTraceException(file + ": the events are damaged after event " + (events - 1)
            + " (not a cut-short file; not repaired): " + e.getOriginalMessage().replace('\n', ' '), e);
      }
      // the last complete frame ends inside an event
    }
    return new Boundary(end, events);
  }

  private RepairReport rewriteTail(Frames frames, Boundary boundary) throws IOException {
    SeekTable table = new SeekTable();
    long keptEnd = BinTraceLayout.HEADER.length;
    long decompressedStart = 0;
    byte[] partialFrame = null;
    for (int i = 0; i < frames.count; i++) {
      long decompressedEnd = decompressedStart + frames.decompressed[i];
      if (decompressedEnd <= boundary.offset() && (frames.decompressed[i] > 0 || decompressedStart < boundary.offset())) {
        table.add(Math.toIntExact(frames.length[i]), Math.toIntExact(frames.decompressed[i]));
        keptEnd = frames.offset[i] + frames.length[i];
      } else if (decompressedStart < boundary.offset()) {
        partialFrame = Arrays.copyOf(decompress(i, frames), Math.toIntExact(boundary.offset() - decompressedStart));
        break;
      } else {
        break;
      }
      decompressedStart = decompressedEnd;
    }
    long bytesDropped = size - keptEnd;
    channel.truncate(keptEnd);
    long position = keptEnd;
    String action = "kept " + table.frames() + " complete frames";
    if (partialFrame != null) {
      byte[] compressed;
      try (ZstdCompressCtx zstd = new ZstdCompressCtx().setLevel(BinTraceWriter.DEFAULT_LEVEL).setContentSize(true)) {
        compressed = zstd.compress(partialFrame);
      }
      JsonTraceRepair.writeFully(channel, ByteBuffer.wrap(compressed), position);
      position += compressed.length;
      table.add(compressed.length, partialFrame.length);
      action += ", cut the next frame back to its last complete event";
    }
    writeSeekTable(table, position);
    return new RepairReport(TraceFileFormat.BIN, true, boundary.events(), bytesDropped,
        action + " and wrote a fresh seek table");
  }

  private void writeSeekTable(SeekTable table, long position) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table.writeTo(bytes);
    JsonTraceRepair.writeFully(channel, ByteBuffer.wrap(bytes.toByteArray()), position);
    channel.force(false);
  }

  private long countEvents(SeekTable table) throws IOException {
    long events = 0;
    try (SeekableFrameInputStream body = new SeekableFrameInputStream(channel, table, file.toString());
        JsonParser parser = CBOR.createParser(body)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        parser.skipChildren();
        events++;
      }
    }
    return events;
  }

  private byte[] decompress(int frame, Frames frames) throws IOException {
    if (frames.skippable[frame]) {
      return new byte[0];
    }
    byte[] compressed = new byte[Math.toIntExact(frames.length[frame])];
    readAt(frames.offset[frame], compressed);
    try (InputStream in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    } catch (ZstdException | IOException e) {
      throw new InvalidTraceException(file + ": frame " + frame + " at byte " + frames.offset[frame]
          + " does not decompress (damaged, not cut short; not repaired): " + e.getMessage(), e);
    }
  }

  private int readAt(long position, byte[] target) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(target);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        break;
      }
    }
    return buffer.position();
  }

  /** Offsets, lengths and decompressed sizes (filled in while reading) of the complete frames. */
  private static final class Frames {
    long[] offset = new long[16];
    long[] length = new long[16];
    long[] decompressed = new long[16];
    boolean[] skippable = new boolean[16];
    int count;

    void add(long frameOffset, long frameLength, boolean isSkippable) {
      if (count == offset.length) {
        offset = Arrays.copyOf(offset, count * 2);
        length = Arrays.copyOf(length, count * 2);
        decompressed = Arrays.copyOf(decompressed, count * 2);
        skippable = Arrays.copyOf(skippable, count * 2);
      }
      offset[count] = frameOffset;
      length[count] = frameLength;
      skippable[count] = isSkippable;
      count++;
    }
  }

  /** The decompressed content of the complete frames, one frame in memory at a time. */
  private final class FramesInputStream extends ChunkedInputStream {
    private final Frames frames;
    private int next;

    FramesInputStream(Frames frames) {
      this.frames = frames;
    }

    @Override
    protected boolean nextChunk() throws IOException {
      if (next == frames.count) {
        return false;
      }
      byte[] frame = decompress(next, frames);
      frames.decompressed[next] = frame.length;
      next++;
      startChunk(frame, frame.length, 0);
      return true;
    }
  }
}
