package dev.codetracer.core.record;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a program the way a shell does: a name with a slash is a path, any other name is looked up on PATH. */
final class ProgramSearch {
  private ProgramSearch() {}

  static boolean exists(String program, String pathVariable) {
    if (program.contains("/")) {
      return Files.exists(Path.of(program));
    }
    if (pathVariable == null) {
      return false;
    }
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
