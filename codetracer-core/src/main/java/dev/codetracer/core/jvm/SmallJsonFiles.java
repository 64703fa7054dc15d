package dev.codetracer.core.jvm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.codetracer.core.io.AtomicFiles;
import dev.codetracer.core.recording.FunctionIndexEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code trace_paths.json} and {@code function_index.json}, in the shapes {@code TracePathsFile}
 * and {@code FunctionIndexFile} read, written with Jackson's streaming API: inside a recorded JVM
 * that is exiting, starting the object mapper would cost more than the whole expansion.
 */
final class SmallJsonFiles {
  private static final JsonFactory JSON = new JsonFactory();

  private SmallJsonFiles() {}

  static void writeStrings(Path file, List<String> strings) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(bytes).useDefaultPrettyPrinter()) {
      g.writeStartArray();
      for (String s : strings) {
        g.writeString(s);
      }
      g.writeEndArray();
    }
    AtomicFiles.write(file, bytes.toByteArray());
  }

  static void writeFunctionIndex(Path file, List<FunctionIndexEntry> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(bytes).useDefaultPrettyPrinter()) {
      g.writeStartArray();
      for (FunctionIndexEntry e : entries) {
        g.writeStartObject();
        g.writeStringField("name", e.name());
        g.writeStringField("signature", e.signature());
        g.writeStringField("path", e.path());
        g.writeNumberField("line", e.line());
        g.writeBooleanField("inSourcemap", e.inSourcemap());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    AtomicFiles.write(file, bytes.toByteArray());
  }
}
