package dev.codetracer.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTraceWriterTest {
  @TempDir Path dir;

  /** The writer reuses the text of a variable's value when it gets the same value instance again. */
  @Test
  void aVariableGivenTheSameValueAgainIsWrittenAsTheFirstTime() throws IOException {
    List<TraceEvent> events = TraceFixtures.repeatedValues(50);
    Path file = dir.resolve("trace.json");
    try (JsonTraceWriter writer = JsonTraceWriter.create(file)) {
      for (TraceEvent event : events) {
        writer.write(event);
      }
    }

    assertThat(TraceReader.readAll(file)).isEqualTo(events);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(events.size() + 2).first().isEqualTo("[");
    for (int i = 0; i < events.size(); i++) {
      String expected = alone(events.get(i)) + (i < events.size() - 1 ? "," : "");
      assertThat(lines.get(i + 1)).as("event %d", i).isEqualTo(expected);
    }
  }

  @Test
  void flushPushesEverythingWrittenToTheFile() throws IOException {
    Path file = dir.resolve("trace.json");
    try (JsonTraceWriter writer = JsonTraceWriter.create(file)) {
      writer.write(new TraceEvent.Step(1, 3));
      writer.write(new TraceEvent.Value(0, new ValueRecord.Int(5, 7)));
      writer.flush();
      assertThat(Files.readString(file)).endsWith(alone(new TraceEvent.Value(0, new ValueRecord.Int(5, 7))));
    }
  }

  /** The event's text from the serializer itself, with no reuse. */
  private static String alone(TraceEvent event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      TraceEventSerializer.write(generator, event);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
