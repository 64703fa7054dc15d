package dev.codetracer.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceConverterTest {
  @TempDir Path dir;

  /** Every kind of event and value, including the ones only other recorders write. */
  private List<TraceEvent> everyKind() {
    List<TraceEvent> events = new ArrayList<>(TraceFixtures.events(TraceFixtures.EXAMPLE, dir).subList(0, 45));
    events.add(new TraceEvent.Type(TypeKind.STRUCT, "Point", new TypeSpecificInfo.Struct(
        List.of(new TypeSpecificInfo.Field("x", 1)))));
    events.add(new TraceEvent.Type(TypeKind.POINTER, "Point*", new TypeSpecificInfo.Pointer(2)));
    events.add(new TraceEvent.Value(3, new ValueRecord.Sequence(List.of(
        new ValueRecord.Float("-inf", 1), new ValueRecord.Bool(true, 1), new ValueRecord.Str("é\u0000\"", 1),
        new ValueRecord.Char("\uD83D\uDE00", 1),
        new ValueRecord.Tuple(List.of(new ValueRecord.None(0)), 1),
        new ValueRecord.Struct(List.of(new ValueRecord.Int(Long.MIN_VALUE, 1)), 2),
        new ValueRecord.Variant("Ok", new ValueRecord.Raw("raw", 1), 1),
        new ValueRecord.Reference(new ValueRecord.Error("<redacted>", 1), -2L, true, 3),
        new ValueRecord.BigInt("AQA=", true, 1),
        new ValueRecord.Cell(-7)), true, 1)));
    events.add(new TraceEvent.ThreadStart(-1L));
    events.add(new TraceEvent.ThreadSwitch(1));
    events.add(new TraceEvent.ThreadExit(2));
    events.add(new TraceEvent.DropVariables(List.of(0L, 3L)));
    events.add(new TraceEvent.Other("Asm", List.of("nop")));
    events.add(new TraceEvent.Other("BindVariable", Map.of("variable_id", 1L, "place", -1L)));
    events.add(new TraceEvent.Other("DropLastStep", null));
    events.add(new TraceEvent.Log(EventLogKind.ERROR, "meta", "boom"));
    return events;
  }

  @Test
  void theSameEventsWrittenBothWaysReadBackEqual() {
    List<TraceEvent> events = everyKind();
    TraceValidator.validate(events);
    Path json = dir.resolve("trace.json");
    Path bin = dir.resolve("trace.bin");
    TraceFixtures.write(json, events);
    TraceFixtures.write(bin, events);

    assertThat(TraceReader.readAll(json)).isEqualTo(events);
    assertThat(TraceReader.readAll(bin)).isEqualTo(events);
  }

  @Test
  void convertsJsonToBinAndBack() throws IOException {
    Path json = TraceFixtures.copy(TraceFixtures.EXAMPLE, dir);
    Path bin = dir.resolve("trace.bin");
    Path jsonAgain = dir.resolve("again.json");

    assertThat(TraceConverter.convert(json, bin)).isEqualTo(46);
    assertThat(TraceConverter.convert(bin, jsonAgain)).isEqualTo(46);

    assertThat(TraceReader.readAll(bin)).isEqualTo(TraceReader.readAll(json));
    assertThat(TraceReader.readAll(jsonAgain)).isEqualTo(TraceReader.readAll(json));
    assertThat(Files.size(bin)).isLessThan(Files.size(json));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          TraceFixtures.EXAMPLE, "trace.bin", "again.json");
    }
  }

  @Test
  void convertsAnotherRecordersStream() {
    Path json = TraceFixtures.copy(TraceFixtures.OTHER_RECORDER, dir);
    Path bin = dir.resolve("other.bin");

    TraceConverter.convert(json, bin);

    assertThat(TraceReader.readAll(bin)).isEqualTo(TraceReader.readAll(json));
    assertThat(TraceValidator.validate(bin).events()).isEqualTo(23);
  }

  /** Java strings may hold lone surrogates (a char variable, a string cut inside a pair); no reader takes them. */
  @Test
  void loneSurrogatesAreWrittenAsReplacementCharacters() {
    List<TraceEvent> events = List.of(new TraceEvent.Path("a\ud800b"), new TraceEvent.VariableName("\udc00"),
        new TraceEvent.Log(EventLogKind.WRITE, "", "pair \uD83D\uDE00 kept, cut \uD83D"));
    List<TraceEvent> expected = List.of(new TraceEvent.Path("a\ufffdb"), new TraceEvent.VariableName("\ufffd"),
        new TraceEvent.Log(EventLogKind.WRITE, "", "pair \uD83D\uDE00 kept, cut \ufffd"));
    Path json = dir.resolve("trace.json");
    Path bin = dir.resolve("trace.bin");
    TraceFixtures.write(json, events);
    TraceFixtures.write(bin, events);

    assertThat(TraceReader.readAll(json)).isEqualTo(expected);
    assertThat(TraceReader.readAll(bin)).isEqualTo(expected);
  }

  @Test
  void neverOverwritesAnExistingTarget() throws IOException {
    Path json = TraceFixtures.copy(TraceFixtures.EXAMPLE, dir);
    Path bin = Files.writeString(dir.resolve("trace.bin"), "mine");

    assertThatThrownBy(() -> TraceConverter.convert(json, bin)).hasMessage(bin + " already exists; not overwriting it");
    assertThat(Files.readString(bin)).isEqualTo("mine");
  }
}
