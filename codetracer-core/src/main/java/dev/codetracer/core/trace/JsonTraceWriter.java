package dev.codetracer.core.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code trace.json}: one JSON array, one event per line, as CodeTracer's own writers lay
 * it out (which keeps a truncated file repairable line by line).
 */
public final class JsonTraceWriter implements TraceEventWriter {
  private static final JsonFactory FACTORY = new JsonFactory().setRootValueSeparator(null);

  private final OutputStream out;
  private final JsonGenerator generator;
  private final RepeatedValueEncodings valueEncodings;
  private boolean first = true;

  public JsonTraceWriter(OutputStream out) throws IOException {
    this.out = out;
    this.generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    // flushing the generator before a reused value's bytes must not flush the file
    generator.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    this.valueEncodings = new RepeatedValueEncodings(FACTORY);
    generator.writeRaw("[\n");
  }

  public static JsonTraceWriter create(Path file) throws IOException {
    return new JsonTraceWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  @Override
  public void write(TraceEvent event) throws IOException {
    if (!first) {
      generator.writeRaw(",\n");
    }
    first = false;
    if (event instanceof TraceEvent.Value value) {
      generator.flush();
      out.write(valueEncodings.encoded(value));
    } else {
      TraceEventSerializer.write(generator, event);
    }
  }

  @Override
  public void flush() throws IOException {
    generator.flush();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    generator.writeRaw(first ? "]\n" : "\n]\n");
    generator.close();
    valueEncodings.close();
    out.close();
  }
}
