package dev.codetracer.core.recording;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codetracer.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads, validates and writes {@code function_index.json}. */
public final class FunctionIndexFile {
  public static final String NAME = "function_index.json";

  private FunctionIndexFile() {}

  public static List<FunctionIndexEntry> read(Path folder) {
    Path file = folder.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    return fromTree(RecordingJson.parse(file));
  }

  static List<FunctionIndexEntry> fromTree(JsonNode node) {
    if (!node.isArray()) {
      throw new InvalidRecordingException(NAME + " must be a JSON array");
    }
    List<FunctionIndexEntry> entries = new ArrayList<>(node.size());
    int position = 0;
    for (JsonNode entry : node) {
      String where = NAME + " entry " + position;
      if (!entry.isObject()) {
        throw new InvalidRecordingException(where + " must be an object");
      }
      if (!entry.path("name").isTextual()) {
        throw new InvalidRecordingException(where + " has no string \"name\"");
      }
      if (entry.has("line") && !entry.get("line").canConvertToExactIntegral()) {
        throw new InvalidRecordingException(where + " has a \"line\" that is not an integer");
      }
      for (String key : List.of("signature", "path")) {
        if (entry.has(key) && !entry.get(key).isTextual()) {
          throw new InvalidRecordingException(where + " has a \"" + key + "\" that is not a string");
        }
      }
      entries.add(
          new FunctionIndexEntry(
              entry.get("name").asText(),
              entry.path("signature").asText(""),
              entry.path("path").asText(""),
              entry.path("line").asLong(0),
              entry.path("inSourcemap").asBoolean(false)));
      position++;
    }
    return entries;
  }

  public static void write(Path folder, List<FunctionIndexEntry> entries) {
    try {
      AtomicFiles.write(folder.resolve(NAME), RecordingJson.MAPPER.writeValueAsBytes(entries));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(NAME), e);
    }
  }
}
