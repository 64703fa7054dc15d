package dev.codetracer.core.record;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program the way a shell does: a name with a slash is a path, any other name is looked up on PATH. */
public final class ProgramSearch {
  private ProgramSearch() {}

  /** The program's file: relative to {@code workdir} when it names a path, else the first match on PATH. */
  public static Optional<Path> find(String program, String pathVariable, Path workdir) {
    if (program.contains("/")) {
      Path file = workdir.resolve(program);
      return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, program))) {
        return Optional.of(Path.of(dir, program));
      }
    }
    return Optional.empty();
  }

  static boolean exists(String program, String pathVariable) {
    return find(program, pathVariable, Path.of("").toAbsolutePath()).isPresent();
  }
}
