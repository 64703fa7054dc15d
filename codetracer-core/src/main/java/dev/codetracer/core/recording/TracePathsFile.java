package dev.codetracer.core.recording;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codetracer.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code trace_paths.json}: the source paths of the event stream; the index is the path_id. */
public final class TracePathsFile {
  public static final String NAME = "trace_paths.json";

  private TracePathsFile() {}

  public static List<String> read(Path folder) {
    Path file = folder.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    JsonNode node = RecordingJson.parse(file);
    if (!node.isArray()) {
      throw new InvalidRecordingException(NAME + " must be a JSON array of strings");
    }
    List<String> paths = new ArrayList<>(node.size());
    for (JsonNode path : node) {
      if (!path.isTextual()) {
        throw new InvalidRecordingException(NAME + " must be a JSON array of strings, but holds " + path);
      }
      paths.add(path.asText());
    }
    return paths;
  }

  public static void write(Path folder, List<String> paths) {
    try {
      AtomicFiles.write(folder.resolve(NAME), RecordingJson.MAPPER.writeValueAsBytes(paths));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(NAME), e);
    }
  }
}
