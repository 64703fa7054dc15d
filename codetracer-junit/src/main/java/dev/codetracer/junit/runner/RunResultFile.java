package dev.codetracer.junit.runner;

import dev.codetracer.core.io.AtomicFiles;
import dev.codetracer.core.recording.RecordingJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link RunResult} as JSON, atomically. */
public final class RunResultFile {
  private RunResultFile() {}

  public static void write(Path file, RunResult result) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      AtomicFiles.write(file, RecordingJson.MAPPER.writeValueAsBytes(result));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the result file " + file + ": " + e.getMessage(), e);
    }
  }

  public static RunResult read(Path file) {
    try {
      return RecordingJson.MAPPER.readValue(file.toFile(), RunResult.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the result file " + file + ": " + e.getMessage(), e);
    }
  }
}
