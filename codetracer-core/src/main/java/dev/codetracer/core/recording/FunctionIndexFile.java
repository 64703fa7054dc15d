package dev.codetracer.core.recording;

import dev.codetracer.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads, validates and writes {@code function_index.json}. */
public final class FunctionIndexFile {
  public static final String NAME = "function_index.json";

  private FunctionIndexFile() {}

  public static List<FunctionIndexEntry> read(Path folder) {
    Path file = folder.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    return fromJson(RecordingJson.parse(file));
  }

  static List<FunctionIndexEntry> fromJson(Object document) {
    if (!(document instanceof List<?> list)) {
      throw new InvalidRecordingException(NAME + " must be a JSON array");
    }
    List<FunctionIndexEntry> entries = new ArrayList<>(list.size());
    for (int position = 0; position < list.size(); position++) {
      String where = NAME + " entry " + position;
      if (!(list.get(position) instanceof Map<?, ?> entry)) {
        throw new InvalidRecordingException(where + " must be an object");
      }
      if (!(entry.get("name") instanceof String name)) {
        throw new InvalidRecordingException(where + " has no string \"name\"");
      }
      Object line = entry.get("line");
      if (line != null && !(line instanceof Integer || line instanceof Long)) {
        throw new InvalidRecordingException(where + " has a \"line\" that is not an integer");
      }
      for (String key : List.of("signature", "path")) {
        if (entry.get(key) != null && !(entry.get(key) instanceof String)) {
          throw new InvalidRecordingException(where + " has a \"" + key + "\" that is not a string");
        }
      }
      entries.add(
          new FunctionIndexEntry(
              name,
              entry.get("signature") instanceof String signature ? signature : "",
              entry.get("path") instanceof String path ? path : "",
              line == null ? 0 : ((Number) line).longValue(),
              Boolean.TRUE.equals(entry.get("inSourcemap"))));
    }
    return entries;
  }

  public static void write(Path folder, List<FunctionIndexEntry> entries) {
    List<Map<String, Object>> document = new ArrayList<>(entries.size());
    for (FunctionIndexEntry e : entries) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", e.name());
      entry.put("signature", e.signature());
      entry.put("path", e.path());
      entry.put("line", e.line());
      entry.put("inSourcemap", e.inSourcemap());
      document.add(entry);
    }
    try {
      AtomicFiles.write(folder.resolve(NAME), RecordingJson.toBytes(document));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(NAME), e);
    }
  }
}
