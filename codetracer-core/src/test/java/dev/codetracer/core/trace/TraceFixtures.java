package dev.codetracer.core.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Streams the tests share: the verified example of recording-format.md, another recorder's shape, loops. */
final class TraceFixtures {
  /** The example of recording-format.md section 5: 46 events, 11 steps, 3 calls. */
  static final String EXAMPLE = "example-main.json";
  /** A stream shaped like CodeTracer's Ruby recorder writes: Types first, Path "", "<top-level>", Other kinds. */
  static final String OTHER_RECORDER = "other-recorder.json";

  private TraceFixtures() {}

  static Path copy(String resource, Path dir) {
    try (InputStream in = TraceFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      Path file = dir.resolve(resource);
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String resource) {
    try (InputStream in = TraceFixtures.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<TraceEvent> events(String resource, Path dir) {
    return TraceReader.readAll(copy(resource, dir));
  }

  static void write(Path file, List<TraceEvent> events) {
    try (TraceEventWriter writer = TraceConverter.createWriter(file, TraceFileFormat.byName(file))) {
      for (TraceEvent event : events) {
        writer.write(event);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Steps after which variables get the same value instance again: every time (0), every third
   * time (1), alternating between two instances (2); and ids past a writer's first table of 64.
   */
  static List<TraceEvent> repeatedValues(int steps) {
    ValueRecord list = new ValueRecord.Sequence(List.of(new ValueRecord.Int(1, 7), new ValueRecord.Str("two \"2\"", 8)), false, 9);
    ValueRecord one = new ValueRecord.Int(1, 7);
    List<TraceEvent> events = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      events.add(new TraceEvent.Step(1, i));
      events.add(new TraceEvent.Value(0, list));
      events.add(new TraceEvent.Value(1, i % 3 == 0 ? one : new ValueRecord.Int(i, 7)));
      events.add(new TraceEvent.Value(2, i % 2 == 0 ? one : list));
      events.add(new TraceEvent.Value(130 + i % 5, new ValueRecord.Str("v" + i, 8)));
    }
    return events;
  }

  /** The start CodeTracer's writers make, then the names of a loop's three locals. */
  static List<TraceEvent> loopPrologue() {
    return List.of(
        new TraceEvent.Path("/w/Loop.java"),
        new TraceEvent.Function(0, 1, "<toplevel>"),
        new TraceEvent.Call(0, List.of()),
        new TraceEvent.Type(TypeKind.NONE, "None", TypeSpecificInfo.NONE),
        new TraceEvent.Type(TypeKind.INT, "int", TypeSpecificInfo.NONE),
        new TraceEvent.Function(0, 3, "Loop.main"),
        new TraceEvent.Step(0, 3),
        new TraceEvent.Call(1, List.of()),
        new TraceEvent.VariableName("n"),
        new TraceEvent.VariableName("total"),
        new TraceEvent.VariableName("i"));
  }

  /**
   * {@code for (int i = 0; i < n; i++) total += i;} recorded as CodeTracer's recorders do: two
   * steps per iteration, all three locals after each step. Calls {@code sink} for each event.
   */
  static void countingLoop(int steps, EventSink sink) throws IOException {
    for (TraceEvent event : loopPrologue()) {
      sink.accept(event);
    }
    long total = 0;
    int step = 0;
    for (int i = 0; step < steps; i++) {
      for (int line = 4; line <= 5 && step < steps; line++, step++) {
        sink.accept(new TraceEvent.Step(0, line));
        if (line == 5) {
          total += i;
        }
        sink.accept(new TraceEvent.Value(0, new ValueRecord.Int(steps, 1)));
        sink.accept(new TraceEvent.Value(1, new ValueRecord.Int(total, 1)));
        sink.accept(new TraceEvent.Value(2, new ValueRecord.Int(i, 1)));
      }
    }
  }

  static List<TraceEvent> countingLoop(int steps) {
    List<TraceEvent> events = new ArrayList<>();
    try {
      countingLoop(steps, events::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }

  interface EventSink {
    void accept(TraceEvent event) throws IOException;
  }
}
