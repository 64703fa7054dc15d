package dev.codetracer.core.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Copies the source files a recording refers to into its {@code source/} folder. */
public final class SourceCopier {
  private SourceCopier() {}

  /** What was copied, and what could not be, with the reason. */
  public record Result(List<String> copied, List<String> missing) {}

  /**
   * Copies each readable file; relative paths are taken relative to {@code workdir}. A file that
   * cannot be read is listed in the result, never fatal.
   */
  public static Result copy(Collection<String> sourcePaths, Path workdir, Path recordingFolder) {
    List<String> copied = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String sourcePath : new LinkedHashSet<>(sourcePaths)) {
      String copyPath;
      try {
        copyPath = SourcePaths.copyPath(sourcePath);
      } catch (IllegalArgumentException e) {
        missing.add(sourcePath + ": " + e.getMessage());
        continue;
      }
      Path original = workdir.resolve(sourcePath);
      if (!Files.isRegularFile(original) || !Files.isReadable(original)) {
        missing.add(sourcePath);
        continue;
      }
      try {
        Path copy = recordingFolder.resolve(copyPath);
        Files.createDirectories(copy.getParent());
        Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
        copied.add(sourcePath);
      } catch (IOException e) {
        missing.add(sourcePath + ": " + e.getMessage());
      }
    }
    return new Result(copied, missing);
  }
}
