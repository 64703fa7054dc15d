package dev.codetracer.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trace.bin as recording-format.md section 6 and CodeTracer's runtime_tracing lay it out, checked byte by byte. */
class BinTraceWriterTest {
  @TempDir Path dir;

  /** A frame of the file, found through the seek table parsed here (not with SeekTable). */
  record Frame(int offset, int compressedSize, int decompressedSize) {}

  static List<Frame> seekTable(byte[] file) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int n = file.length;
    assertThat(b.getInt(n - 4)).as("seekable footer magic").isEqualTo(0x8F92EAB1);
    assertThat(file[n - 5]).as("descriptor: no checksums").isZero();
    int frames = b.getInt(n - 9);
    int tableStart = n - 9 - frames * 8 - 8;
    assertThat(b.getInt(tableStart)).as("skippable magic").isEqualTo(0x184D2A5E);
    assertThat(b.getInt(tableStart + 4)).as("skippable frame size").isEqualTo(frames * 8 + 9);
    List<Frame> result = new ArrayList<>();
    int offset = 8;
    for (int i = 0; i < frames; i++) {
      int c = b.getInt(tableStart + 8 + i * 8);
      int d = b.getInt(tableStart + 12 + i * 8);
      result.add(new Frame(offset, c, d));
      offset += c;
    }
    assertThat(offset).as("frames end where the seek table starts").isEqualTo(tableStart);
    return result;
  }

  private byte[] writeExample(int frameSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BinTraceWriter writer = new BinTraceWriter(out, frameSize, BinTraceWriter.DEFAULT_LEVEL)) {
      for (TraceEvent event : TraceFixtures.events(TraceFixtures.EXAMPLE, dir)) {
        writer.write(event);
      }
    }
    return out.toByteArray();
  }

  @Test
  void theSizeBoundTheCapUsesIsZstds() {
    for (int length : new int[] {0, 1, 100, 4095, 4096, (128 << 10) - 1, 128 << 10, (128 << 10) + 1, 4 << 20, 64 << 20}) {
      assertThat(BinTraceWriter.compressBound(length)).as("%d bytes", length).isEqualTo(Zstd.compressBound(length));
    }
  }

  @Test
  void startsWithTheVersion1Header() throws IOException {
    byte[] file = writeExample(BinTraceWriter.DEFAULT_FRAME_SIZE);

    assertThat(Arrays.copyOf(file, 8)).containsExactly(0xC0, 0xDE, 0x72, 0xAC, 0xE2, 0x01, 0x00, 0x00);
    assertThat(TraceFileFormat.detect(Files.write(dir.resolve("any-name"), file))).isEqualTo(TraceFileFormat.BIN);
  }

  @Test
  void framesAreIndependentZstdFramesListedInTheSeekTable() throws IOException {
    byte[] file = writeExample(200);

    List<Frame> frames = seekTable(file);
    assertThat(frames).hasSizeGreaterThan(5);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Frame frame : frames) {
      byte[] compressed = Arrays.copyOfRange(file, frame.offset(), frame.offset() + frame.compressedSize());
      byte[] content = Zstd.decompress(compressed, frame.decompressedSize());
      assertThat(content).hasSize(frame.decompressedSize());
      assertThat(completeCborItems(content)).as("a frame holds whole events").isPositive();
      all.write(content);
    }
    // a plain zstd decoder, unaware of the seekable format, reads the same (it skips the seek table)
    try (InputStream plain = new ZstdInputStream(new ByteArrayInputStream(Arrays.copyOfRange(file, 8, file.length)))) {
      assertThat(plain.readAllBytes()).isEqualTo(all.toByteArray());
    }
    assertThat(completeCborItems(all.toByteArray())).isEqualTo(46);
  }

  @Test
  void eventsAreDefiniteLengthCborWithFloatsAsText() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<TraceEvent> events = new ArrayList<>(TraceFixtures.loopPrologue());
    events.add(new TraceEvent.Type(TypeKind.FLOAT, "double", TypeSpecificInfo.NONE));
    events.add(new TraceEvent.Value(0, new ValueRecord.Float("2.5", 2)));
    events.add(new TraceEvent.Value(1, new ValueRecord.Sequence(List.of(new ValueRecord.Int(1, 1)), false, 1)));
    events.add(new TraceEvent.Other("DropLastStep", null));
    try (BinTraceWriter writer = new BinTraceWriter(out)) {
      for (TraceEvent event : events) {
        writer.write(event);
      }
    }
    byte[] file = out.toByteArray();
    Frame frame = seekTable(file).get(0);
    byte[] cbor = Zstd.decompress(Arrays.copyOfRange(file, 8, 8 + frame.compressedSize()), frame.decompressedSize());

    CborItems items = new CborItems(cbor);
    while (items.hasMore()) {
      items.skipItem();
    }
    assertThat(items.floats).as("CBOR floats").isZero();
    assertThat(items.texts).contains("2.5", "DropLastStep", "Float");
    assertThat(items.count).isEqualTo(events.size());
  }

  @Test
  void aSeekTableOf1022FramesGetsAnEmptyFrameMore() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BinTraceWriter writer = new BinTraceWriter(out, 1, 1)) {
      for (int i = 0; i < 1022; i++) {
        writer.write(new TraceEvent.Path("/p" + i));
      }
    }
    List<Frame> frames = seekTable(out.toByteArray());

    assertThat(frames).hasSize(1023);
    assertThat(frames.get(1022).decompressedSize()).isZero();
    Path file = Files.write(dir.resolve("trace.bin"), out.toByteArray());
    assertThat(TraceReader.readAll(file)).hasSize(1022).last().isEqualTo(new TraceEvent.Path("/p1021"));
  }

  /** The writer reuses the encoding of a variable's value when it gets the same value again. */
  @Test
  void aVariableGivenTheSameValueAgainReadsBackAsWrittenAlsoAcrossFrames() throws IOException {
    List<TraceEvent> events = TraceFixtures.repeatedValues(200);
    Path file = dir.resolve("repeated.bin");
    try (BinTraceWriter writer = BinTraceWriter.create(file, 64, 1)) {
      for (TraceEvent event : events) {
        writer.write(event);
      }
    }

    assertThat(seekTable(Files.readAllBytes(file))).hasSizeGreaterThan(10);
    assertThat(TraceReader.readAll(file)).isEqualTo(events);
  }

  @Test
  void flushPushesACompleteFrameToTheFile() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinTraceWriter writer = new BinTraceWriter(new NonClosing(out));
    writer.write(new TraceEvent.Path("/a"));
    int beforeFlush = out.size();
    writer.flush();

    assertThat(beforeFlush).isEqualTo(8);
    byte[] frame = Arrays.copyOfRange(out.toByteArray(), 8, out.size());
    assertThat(completeCborItems(Zstd.decompress(frame, 1 << 10))).isEqualTo(1);
    writer.close();
    assertThat(seekTable(out.toByteArray())).hasSize(1);
  }

  /**
   * Bytes per step of loop-heavy streams, at the default frame size and level. A counting loop
   * changes two of its three locals at every step, which costs about 4-5 bytes per step; a loop
   * whose locals cycle through a few values costs a fraction of a byte. (Measured while choosing the defaults: levels 1 to 19 and
   * frames of 1 to 16 MiB all land within 4.1-4.9 bytes on the counting loop, so the default
   * stays at zstd's fast level 3.)
   */
  @Test
  void loopHeavyStreamsTakeAFewBytesPerStep() throws IOException {
    int steps = 1_000_000;
    Path counting = dir.resolve("counting.bin");
    try (BinTraceWriter writer = BinTraceWriter.create(counting)) {
      TraceFixtures.countingLoop(steps, writer::write);
    }
    Path repetitive = dir.resolve("repetitive.bin");
    try (BinTraceWriter writer = BinTraceWriter.create(repetitive)) {
      TraceFixtures.loopPrologue().forEach(e -> write(writer, e));
      for (int step = 0; step < steps; step++) {
        writer.write(new TraceEvent.Step(0, 10 + step % 4));
        writer.write(new TraceEvent.Value(0, new ValueRecord.Int(steps, 1)));
        writer.write(new TraceEvent.Value(1, new ValueRecord.Int(step / 4 % 100, 1)));
        writer.write(new TraceEvent.Value(2, new ValueRecord.Int(step % 4, 1)));
      }
    }
    double countingBytesPerStep = Files.size(counting) / (double) steps;
    double repetitiveBytesPerStep = Files.size(repetitive) / (double) steps;
    System.out.printf("trace.bin: counting loop %.2f bytes/step, repetitive loop %.2f bytes/step%n",
        countingBytesPerStep, repetitiveBytesPerStep);

    assertThat(countingBytesPerStep).isLessThan(6.0);
    assertThat(repetitiveBytesPerStep).isLessThan(1.0);
    assertThat(TraceValidator.validate(counting).steps()).isEqualTo(steps + 1);
  }

  private static void write(BinTraceWriter writer, TraceEvent event) {
    try {
      writer.write(event);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** How many CBOR items the bytes hold, all complete (Jackson fails on a partial one). */
  static int completeCborItems(byte[] cbor) throws IOException {
    int items = 0;
    try (JsonParser parser = new CBORFactory().createParser(cbor)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        parser.skipChildren();
        items++;
      }
    }
    return items;
  }

  /** A minimal CBOR walker (RFC 8949 headers), counting what Jackson's parser does not expose. */
  private static final class CborItems {
    final byte[] bytes;
    int position;
    int count;
    int floats;
    final List<String> texts = new ArrayList<>();

    CborItems(byte[] bytes) {
      this.bytes = bytes;
    }

    boolean hasMore() {
      return position < bytes.length;
    }

    void skipItem() {
      count++;
      skip();
    }

    private void skip() {
      int initial = bytes[position++] & 0xff;
      int major = initial >>> 5;
      int info = initial & 0x1f;
      if (info == 31) {
        throw new AssertionError("indefinite-length item at byte " + (position - 1));
      }
      long argument = argument(info);
      switch (major) {
        case 0, 1 -> { }
        case 2 -> position += (int) argument;
        case 3 -> {
          texts.add(new String(bytes, position, (int) argument, java.nio.charset.StandardCharsets.UTF_8));
          position += (int) argument;
        }
        case 4 -> {
          for (long i = 0; i < argument; i++) {
            skip();
          }
        }
        case 5 -> {
          for (long i = 0; i < 2 * argument; i++) {
            skip();
          }
        }
        case 6 -> skip();
        default -> {
          if (info >= 25 && info <= 27) {
            floats++;
          }
        }
      }
    }

    private long argument(int info) {
      if (info < 24) {
        return info;
      }
      int size = 1 << (info - 24);
      long value = 0;
      for (int i = 0; i < size; i++) {
        value = value << 8 | (bytes[position++] & 0xff);
      }
      return value;
    }
  }

  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }
  }
}
