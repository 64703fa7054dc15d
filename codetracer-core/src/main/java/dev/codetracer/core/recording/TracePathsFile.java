package dev.codetracer.core.recording;

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
    if (!(RecordingJson.parse(file) instanceof List<?> list)) {
      throw new InvalidRecordingException(NAME + " must be a JSON array of strings");
    }
    List<String> paths = new ArrayList<>(list.size());
    for (Object path : list) {
      if (!(path instanceof String text)) {
        throw new InvalidRecordingException(NAME + " must be a JSON array of strings, but holds " + path);
      }
      paths.add(text);
    }
    return paths;
  }

  public static void write(Path folder, List<String> paths) {
    try {
      AtomicFiles.write(folder.resolve(NAME), RecordingJson.toBytes(paths));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(NAME), e);
    }
  }
}
