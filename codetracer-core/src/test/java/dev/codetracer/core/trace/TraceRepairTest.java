package dev.codetracer.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceRepairTest {
  @TempDir Path dir;

  private List<TraceEvent> example() {
    return TraceFixtures.events(TraceFixtures.EXAMPLE, dir);
  }

  /** Where each event of a one-event-per-line trace.json ends (just after its closing brace). */
  private static List<Integer> eventEnds(byte[] json) {
    List<Integer> ends = new ArrayList<>();
    String text = new String(json, StandardCharsets.UTF_8);
    int lineStart = text.indexOf('\n') + 1;
    for (int newline = text.indexOf('\n', lineStart); newline >= 0; newline = text.indexOf('\n', lineStart)) {
      String line = text.substring(lineStart, newline);
      if (line.startsWith("{")) {
        ends.add(lineStart + (line.endsWith(",") ? line.length() - 1 : line.length()));
      }
      lineStart = newline + 1;
    }
    return ends;
  }

  /** A SIGKILL at every byte of the example's trace.json: every complete event is kept, and only those. */
  @Test
  void aTrace_jsonCutAtAnyByteKeepsEveryCompleteEvent() throws IOException {
    List<TraceEvent> events = example();
    Path written = dir.resolve("written.json");
    TraceFixtures.write(written, events);
    byte[] whole = Files.readAllBytes(written);
    List<Integer> ends = eventEnds(whole);
    assertThat(ends).hasSize(events.size());
    Path file = dir.resolve("trace.json");

    for (int cut = 0; cut < whole.length; cut++) {
      Files.write(file, Arrays.copyOf(whole, cut));
      final int at = cut;
      int complete = (int) ends.stream().filter(end -> end <= at).count();

      RepairReport report = TraceRepair.repair(file);

      assertThat(report.eventsKept()).as("cut at %d", cut).isEqualTo(complete);
      assertThat(TraceReader.readAll(file)).as("cut at %d", cut).isEqualTo(events.subList(0, complete));
      assertThat(TraceRepair.repair(file).changed()).as("repairing again, cut at %d", cut).isFalse();
    }
  }

  @Test
  void aTrace_jsonWithoutItsClosingBracketIsClosed() throws IOException {
    byte[] whole = TraceFixtures.bytes(TraceFixtures.EXAMPLE);
    String unclosed = new String(whole, StandardCharsets.UTF_8).replaceFirst("\\]\\s*$", "");
    Path file = Files.writeString(dir.resolve("trace.json"), unclosed);

    RepairReport report = TraceRepair.repair(file);

    assertThat(report).isEqualTo(new RepairReport(TraceFileFormat.JSON, true, 46, 1, "closed the array"));
    assertThat(report.describe()).isEqualTo("trace.json: kept 46 events, dropped 1 bytes; closed the array");
    assertThat(TraceValidator.validate(file).events()).isEqualTo(46);
  }

  @Test
  void aPartialEventIsReportedWithTheBytesDropped() throws IOException {
    String partial = "{\"Step\":{\"path_id\":0,\"li";
    Path file = Files.writeString(dir.resolve("trace.json"),
        "[\n{\"Path\":\"/a\"},\n{\"Function\":{\"path_id\":0,\"line\":1,\"name\":\"<toplevel>\"}},\n{\"Call\":{\"function_id\":0,\"args\":[]}},\n"
            + partial);

    RepairReport report = TraceRepair.repair(file);

    assertThat(report.eventsKept()).isEqualTo(3);
    assertThat(report.bytesDropped()).isEqualTo(2 + partial.length());
    assertThat(report.action()).isEqualTo("dropped a partial last event and closed the array");
    assertThat(TraceValidator.validate(file).calls()).isEqualTo(1);
  }

  @Test
  void aCompleteFileIsLeftUntouched() throws IOException {
    Path file = TraceFixtures.copy(TraceFixtures.EXAMPLE, dir);
    byte[] before = Files.readAllBytes(file);

    RepairReport report = TraceRepair.repair(file);

    assertThat(report).isEqualTo(new RepairReport(TraceFileFormat.JSON, false, 46, 0, "already complete; nothing changed"));
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void anEmptyTrace_jsonBecomesAnEmptyArray() throws IOException {
    Path file = Files.writeString(dir.resolve("trace.json"), "");

    assertThat(TraceRepair.repair(file).eventsKept()).isZero();
    assertThat(Files.readString(file)).isEqualTo("[\n]\n");
  }

  @Test
  void damageInTheMiddleIsNotRepaired() throws IOException {
    Path file = Files.writeString(dir.resolve("trace.json"),
        "[\n{\"Path\":\"/a\"},\n{\"Path\" \"/b\"},\n{\"Path\":\"/c\"},\n");
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> TraceRepair.repair(file))
        .isInstanceOf(InvalidTraceException.class)
        .hasMessageStartingWith(file + " is damaged at byte")
        .hasMessageContaining("not repaired");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  /** A SIGKILL at every byte of a trace.bin of small frames: the events of every complete frame are kept. */
  @Test
  void aTrace_binCutAtAnyByteKeepsEveryCompleteFrame() throws IOException {
    List<TraceEvent> events = example();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BinTraceWriter writer = new BinTraceWriter(out, 120, 3)) {
      for (TraceEvent event : events) {
        writer.write(event);
      }
    }
    byte[] whole = out.toByteArray();
    List<BinTraceWriterTest.Frame> frames = BinTraceWriterTest.seekTable(whole);
    int[] eventsAfterFrame = new int[frames.size()];
    int sum = 0;
    for (int i = 0; i < frames.size(); i++) {
      BinTraceWriterTest.Frame f = frames.get(i);
      sum += BinTraceWriterTest.completeCborItems(com.github.luben.zstd.Zstd.decompress(
          Arrays.copyOfRange(whole, f.offset(), f.offset() + f.compressedSize()), f.decompressedSize()));
      eventsAfterFrame[i] = sum;
    }
    Path file = dir.resolve("trace.bin");

    for (int cut = 8; cut < whole.length; cut++) {
      Files.write(file, Arrays.copyOf(whole, cut));
      int expected = 0;
      for (int i = 0; i < frames.size(); i++) {
        BinTraceWriterTest.Frame f = frames.get(i);
        if (f.offset() + f.compressedSize() <= cut) {
          expected = eventsAfterFrame[i];
        }
      }

      RepairReport report = TraceRepair.repair(file);

      assertThat(report.eventsKept()).as("cut at %d", cut).isEqualTo(expected);
      assertThat(TraceReader.readAll(file)).as("cut at %d", cut).isEqualTo(events.subList(0, expected));
      assertThat(TraceRepair.repair(file).changed()).as("repairing again, cut at %d", cut).isFalse();
    }
  }

  /** CodeTracer's own writer lets an event span two frames; a cut after the first keeps the events before it. */
  @Test
  void aTrace_binWhoseLastCompleteFrameEndsInsideAnEventIsCutBackToTheEvent() throws IOException {
    List<TraceEvent> events = example().subList(0, 3);
    ByteArrayOutputStream cbor = new ByteArrayOutputStream();
    try (var generator = new com.fasterxml.jackson.dataformat.cbor.CBORFactory().createGenerator(cbor)) {
      for (TraceEvent event : events) {
        TraceEventSerializer.write(generator, event);
      }
    }
    byte[] body = cbor.toByteArray();
    byte[] firstEvent = TraceReaderTestCbor.single(events.get(0));
    int cut = firstEvent.length + 5; // inside the second event
    byte[] whole = TraceReaderTest.seekableFile(List.of(Arrays.copyOfRange(body, 0, cut),
        Arrays.copyOfRange(body, cut, body.length)));
    List<BinTraceWriterTest.Frame> frames = BinTraceWriterTest.seekTable(whole);
    BinTraceWriterTest.Frame second = frames.get(1);
    Path file = Files.write(dir.resolve("trace.bin"), Arrays.copyOf(whole, second.offset() + second.compressedSize() - 1));

    RepairReport report = TraceRepair.repair(file);

    assertThat(report.eventsKept()).isEqualTo(1);
    assertThat(report.action()).contains("cut the next frame back to its last complete event");
    assertThat(TraceReader.readAll(file)).containsExactly(events.get(0));
  }

  @Test
  void aTrace_binOfOnlyPartOfItsHeaderGetsAnEmptyStream() throws IOException {
    Path file = Files.write(dir.resolve("trace.bin"), new byte[] {(byte) 0xC0, (byte) 0xDE, 0x72});

    RepairReport report = TraceRepair.repair(file);

    assertThat(report.eventsKept()).isZero();
    assertThat(TraceReader.readAll(file)).isEmpty();
  }

  @Test
  void aCompleteTrace_binIsLeftUntouched() throws IOException {
    Path file = dir.resolve("trace.bin");
    TraceFixtures.write(file, example());
    byte[] before = Files.readAllBytes(file);

    assertThat(TraceRepair.repair(file)).isEqualTo(
        new RepairReport(TraceFileFormat.BIN, false, 46, 0, "already complete; nothing changed"));
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  /** One event as CBOR, the way BinTraceWriter encodes it. */
  private static final class TraceReaderTestCbor {
    static byte[] single(TraceEvent event) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (var generator = new com.fasterxml.jackson.dataformat.cbor.CBORFactory().createGenerator(out)) {
        TraceEventSerializer.write(generator, event);
      }
      return out.toByteArray();
    }
  }
}
