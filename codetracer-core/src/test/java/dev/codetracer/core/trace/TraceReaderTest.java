package dev.codetracer.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {
  @TempDir Path dir;

  private static List<TraceEvent> read(String json) {
    List<TraceEvent> events = new ArrayList<>();
    try (TraceReader reader = TraceReader.fromJson(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json")) {
      reader.forEachRemaining(events::add);
    }
    return events;
  }

  @Test
  void readsTheVerifiedExample() {
    List<TraceEvent> events = TraceFixtures.events(TraceFixtures.EXAMPLE, dir);

    assertThat(events).hasSize(46);
    assertThat(events.get(0)).isEqualTo(new TraceEvent.Path("/w/Main.java"));
    assertThat(events.get(3)).isEqualTo(new TraceEvent.Type(30, "None", TypeSpecificInfo.NONE));
    assertThat(events.get(13)).isEqualTo(new TraceEvent.Call(2,
        List.of(new TraceEvent.Value(0, new ValueRecord.Int(2, 1)))));
    assertThat(events.get(44)).isEqualTo(new TraceEvent.Log(EventLogKind.WRITE, "", "1\n"));
    assertThat(events.get(45)).isEqualTo(new TraceEvent.Return(new ValueRecord.None(0)));
  }

  @Test
  void readsAnotherRecordersShapeWithKeysInAnyOrderAndKindsWeDoNotModel() {
    List<TraceEvent> events = TraceFixtures.events(TraceFixtures.OTHER_RECORDER, dir);

    assertThat(events).hasSize(23);
    assertThat(events.get(10)).isEqualTo(new TraceEvent.Value(0, new ValueRecord.Struct(
        List.of(new ValueRecord.Int(3, 0), new ValueRecord.Int(4, 0)), 2)));
    assertThat(events.get(14)).isEqualTo(new TraceEvent.Other("BindVariable", Map.of("variable_id", 0L, "place", -1L)));
    assertThat(events.get(15)).isInstanceOf(TraceEvent.Other.class);
    assertThat(((TraceEvent.Other) events.get(15)).kind()).isEqualTo("Assignment");
    assertThat(events.get(21)).isEqualTo(new TraceEvent.Other("Asm", List.of("mov rax, 25", "ret")));
  }

  @Test
  void toleratesWhatCodeTracerTolerates() {
    List<TraceEvent> events = read("""
        [{"Call":{"function_id":0}},
         {"Step":{"line":3,"path_id":1,"column":7}},
         {"Variable":"old_style_name"},
         "DropLastStep",
         {"DropLastStep":null},
         {"ThreadStart":18446744073709551615},
         {"Value":{"variable_id":0,"value":{"kind":"BigInt","b":"AQA=","negative":true,"type_id":3}}}]
        """);

    assertThat(events).containsExactly(
        new TraceEvent.Call(0, List.of()),
        new TraceEvent.Step(1, 3),
        new TraceEvent.VariableName("old_style_name"),
        new TraceEvent.Other("DropLastStep", null),
        new TraceEvent.Other("DropLastStep", null),
        new TraceEvent.ThreadStart(-1L),
        new TraceEvent.Value(0, new ValueRecord.BigInt("AQA=", true, 3)));
  }

  @Test
  void aFloatGivenAsAJsonNumberIsAnError() {
    assertThatThrownBy(() -> read("""
        [{"Path":"/a"},
         {"Value":{"variable_id":0,"value":{"kind":"Float","f":2.5,"type_id":1}}}]"""))
        .isInstanceOf(InvalidTraceException.class)
        .hasMessage("t.json: event 1 (Value): Float value: f must be a string (\"2.5\", \"inf\", \"nan\"), found the number 2.5");
  }

  @Test
  void errorsNameTheEventAndTheProblemInOneLine() {
    assertThatThrownBy(() -> read("[{\"Path\":\"/a\"},{\"Step\":{\"path_id\":0}}]"))
        .hasMessage("t.json: event 1 (Step): missing line");
    assertThatThrownBy(() -> read("[{\"Step\":{\"path_id\":\"x\",\"line\":1}}]"))
        .hasMessage("t.json: event 0 (Step): path_id must be a non-negative integer, found the string \"x\"");
    assertThatThrownBy(() -> read("[{\"Step\":{\"path_id\":-1,\"line\":1}}]"))
        .hasMessage("t.json: event 0 (Step): path_id must be a non-negative integer, found the number -1");
    assertThatThrownBy(() -> read("[{\"Type\":{\"kind\":40,\"lang_type\":\"x\",\"specific_info\":{\"kind\":\"None\"}}}]"))
        .hasMessage("t.json: event 0 (Type): kind must be a TypeKind number (0..33), found the number 40");
    assertThatThrownBy(() -> read("[{\"Step\":{\"path_id\":0,\"line\":1},\"Path\":\"/a\"}]"))
        .hasMessage("t.json: event 0 (Step): an event must be an object with exactly one key, found a second key \"Path\"");
    assertThatThrownBy(() -> read("[{\"Value\":{\"variable_id\":0,\"value\":{\"kind\":\"Int\",\"type_id\":0}}}]"))
        .hasMessage("t.json: event 0 (Value): Int value has no i");
    assertThatThrownBy(() -> read("[{\"Value\":{\"variable_id\":0,\"value\":{\"kind\":\"Char\",\"c\":\"ab\",\"type_id\":0}}}]"))
        .hasMessage("t.json: event 0 (Value): Char value: c must be exactly one character, found \"ab\"");
    assertThatThrownBy(() -> read("[{\"Value\":{\"variable_id\":0,\"value\":{\"kind\":\"Decimal\",\"type_id\":0}}}]"))
        .hasMessage("t.json: event 0 (Value): unknown value kind \"Decimal\"");
  }

  @Test
  void aFileCutShortSaysSoAndPointsToRepair() throws IOException {
    Path file = dir.resolve("trace.json");
    Files.writeString(file, "[\n{\"Path\":\"/a\"},\n{\"Step\":{\"path_id\":0,\"li");
    try (TraceReader reader = TraceReader.open(file)) {
      assertThat(reader.next()).isEqualTo(new TraceEvent.Path("/a"));
      assertThatThrownBy(reader::next)
          .isInstanceOf(InvalidTraceException.class)
          .hasMessageContaining("event 1 (Step): the file ends inside this event")
          .hasMessageContaining("codetracer repair")
          .hasMessageNotContaining("\n");
    }
    Files.writeString(file, "[\n{\"Path\":\"/a\"},\n");
    assertThatThrownBy(() -> TraceReader.readAll(file))
        .hasMessage(file + " ends after event 0 without the closing ']' (was the recording killed? `codetracer repair` closes it)");
  }

  @Test
  void contentAfterTheArrayIsAnError() {
    assertThatThrownBy(() -> read("[{\"Path\":\"/a\"}] {\"Path\":\"/b\"}"))
        .hasMessageStartingWith("t.json: unexpected content after the closing ']'");
  }

  @Test
  void readsTrace_binWrittenByBinTraceWriter() throws IOException {
    List<TraceEvent> events = TraceFixtures.events(TraceFixtures.EXAMPLE, dir);
    Path bin = dir.resolve("trace.bin");
    TraceFixtures.write(bin, events);

    try (TraceReader reader = TraceReader.open(bin)) {
      assertThat(reader.format()).isEqualTo(TraceFileFormat.BIN);
      List<TraceEvent> back = new ArrayList<>();
      reader.forEachRemaining(back::add);
      assertThat(back).isEqualTo(events);
      assertThat(reader.eventIndex()).isEqualTo(45);
    }
  }

  /**
   * A body as zeekstd (CodeTracer's encoder) writes it: frames cut at a byte count, so an event
   * spans two frames, no content size in the frame headers; and newer CodeTracer writers' CBOR:
   * a float as a CBOR float, a big integer's magnitude as a byte string, keys in another order.
   */
  @Test
  void readsTrace_binShapedLikeCodeTracersOwnWriters() throws IOException {
    ByteArrayOutputStream cbor = new ByteArrayOutputStream();
    try (CBORGenerator g = new CBORFactory().createGenerator(cbor)) {
      g.writeStartObject(1);
      g.writeStringField("Path", "/w/A.rs");
      g.writeEndObject();
      g.writeStartObject(1);
      g.writeFieldName("Value");
      g.writeStartObject(2);
      g.writeFieldName("value");
      g.writeStartObject(3);
      g.writeNumberField("type_id", 1);
      g.writeNumberField("f", 2.5);
      g.writeStringField("kind", "Float");
      g.writeEndObject();
      g.writeNumberField("variable_id", 0);
      g.writeEndObject();
      g.writeEndObject();
      g.writeStartObject(1);
      g.writeFieldName("Value");
      g.writeStartObject(2);
      g.writeNumberField("variable_id", 1);
      g.writeFieldName("value");
      g.writeStartObject(4);
      g.writeStringField("kind", "BigInt");
      g.writeFieldName("b");
      g.writeBinary(new byte[] {1, 0});
      g.writeBooleanField("negative", false);
      g.writeNumberField("type_id", 2);
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    }
    byte[] body = cbor.toByteArray();
    int cut = body.length / 2;
    Path bin = dir.resolve("trace.bin");
    Files.write(bin, seekableFile(List.of(java.util.Arrays.copyOfRange(body, 0, cut),
        java.util.Arrays.copyOfRange(body, cut, body.length))));

    assertThat(TraceReader.readAll(bin)).containsExactly(
        new TraceEvent.Path("/w/A.rs"),
        new TraceEvent.Value(0, new ValueRecord.Float("2.5", 1)),
        new TraceEvent.Value(1, new ValueRecord.BigInt("AQA=", false, 2)));
  }

  @Test
  void aTrace_binWithoutSeekTableIsReportedAsUnfinished() throws IOException {
    Path bin = dir.resolve("trace.bin");
    TraceFixtures.write(bin, TraceFixtures.events(TraceFixtures.EXAMPLE, dir));
    byte[] whole = Files.readAllBytes(bin);
    Files.write(bin, java.util.Arrays.copyOf(whole, whole.length - 5));

    assertThatThrownBy(() -> TraceReader.open(bin))
        .isInstanceOf(InvalidTraceException.class)
        .hasMessageContaining("has no seek table at its end")
        .hasMessageContaining("codetracer repair");
  }

  @Test
  void anUnknownFileIsNamedInTheError() throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "hello");
    assertThatThrownBy(() -> TraceReader.open(file))
        .hasMessage(file + " is neither a trace.json (a JSON array) nor a trace.bin (header C0 DE 72 AC E2 01 00 00)");
  }

  /**
   * Ten million events (about 600 MB of JSON, several GB as objects) read with the heap staying
   * flat: the stream is generated on the fly and never exists whole, in a file or in memory.
   */
  @Test
  void readsTenMillionEventsInConstantMemory() {
    int steps = 2_500_000; // 4 events per step
    InputStream generated = new GeneratedJsonStream(steps);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    long highest = 0;
    long count = 0;
    long lastLine = 0;
    try (TraceReader reader = TraceReader.fromJson(generated, "generated")) {
      while (reader.hasNext()) {
        TraceEvent event = reader.next();
        count++;
        if (event instanceof TraceEvent.Step step) {
          lastLine = step.line();
        }
        if (count % 2_000_000 == 0) {
          System.gc();
          highest = Math.max(highest, memory.getHeapMemoryUsage().getUsed() - baseline);
        }
      }
    }
    assertThat(count).isEqualTo(4L * steps + TraceFixtures.loopPrologue().size());
    assertThat(lastLine).isEqualTo(5);
    assertThat(highest).isLessThan(64L << 20);
  }

  /** The counting loop's trace.json, produced as it is read. */
  private static final class GeneratedJsonStream extends InputStream {
    private final java.util.Iterator<TraceEvent> events;
    private ByteBuffer pending = ByteBuffer.wrap("[\n".getBytes(StandardCharsets.US_ASCII));
    private boolean first = true;
    private boolean closed;

    GeneratedJsonStream(int steps) {
      java.util.List<TraceEvent> prologue = TraceFixtures.loopPrologue();
      this.events = new java.util.Iterator<>() {
        int index;
        long total;

        @Override
        public boolean hasNext() {
          return index < prologue.size() + 4L * steps;
        }

        @Override
        public TraceEvent next() {
          int i = index++;
          if (i < prologue.size()) {
            return prologue.get(i);
          }
          int k = i - prologue.size();
          int step = k / 4;
          int iteration = step / 2;
          return switch (k % 4) {
            case 0 -> new TraceEvent.Step(0, 4 + step % 2);
            case 1 -> new TraceEvent.Value(0, new ValueRecord.Int(steps, 1));
            case 2 -> new TraceEvent.Value(1, new ValueRecord.Int(total += step % 2 == 1 ? iteration : 0, 1));
            default -> new TraceEvent.Value(2, new ValueRecord.Int(iteration, 1));
          };
        }
      };
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (!pending.hasRemaining()) {
        if (closed) {
          return -1;
        }
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(chunk)) {
          g.setRootValueSeparator(null);
          for (int n = 0; n < 1000 && events.hasNext(); n++) {
            if (!first) {
              g.writeRaw(",\n");
            }
            first = false;
            TraceEventSerializer.write(g, events.next());
          }
          if (!events.hasNext()) {
            g.writeRaw("\n]\n");
            closed = true;
          }
        }
        pending = ByteBuffer.wrap(chunk.toByteArray());
      }
      int n = Math.min(len, pending.remaining());
      pending.get(b, off, n);
      return n;
    }
  }

  /** A seekable file built here, independently of BinTraceWriter: header, frames, seek table. */
  static byte[] seekableFile(List<byte[]> frameContents) throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(new byte[] {(byte) 0xC0, (byte) 0xDE, 0x72, (byte) 0xAC, (byte) 0xE2, 1, 0, 0});
    List<int[]> entries = new ArrayList<>();
    for (byte[] content : frameContents) {
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      try (ZstdOutputStream zstd = new ZstdOutputStream(frame)) {
        zstd.write(content);
      }
      file.write(frame.toByteArray());
      entries.add(new int[] {frame.size(), content.length});
    }
    ByteBuffer table = ByteBuffer.allocate(8 + entries.size() * 8 + 9).order(ByteOrder.LITTLE_ENDIAN);
    table.putInt(0x184D2A5E).putInt(entries.size() * 8 + 9);
    for (int[] entry : entries) {
      table.putInt(entry[0]).putInt(entry[1]);
    }
    table.putInt(entries.size()).put((byte) 0).putInt(0x8F92EAB1);
    file.write(table.array());
    return file.toByteArray();
  }
}
