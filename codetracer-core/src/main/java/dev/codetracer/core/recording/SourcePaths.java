package dev.codetracer.core.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed's mapping of a source path to its copy in a recording: an absolute path goes under
 * {@code source/} as if {@code source/} were the root ({@code /home/u/A.java} becomes {@code
 * source/home/u/A.java}); a relative path is appended as it is. Paths that would leave {@code
 * source/} are refused.
 */
public final class SourcePaths {
  public static final String SOURCE_DIR = "source";
  /** Where other CodeTracer recorders keep their copies. */
  public static final String FOREIGN_SOURCE_DIR = "files";

  private SourcePaths() {}

  /**
   * The path of the copy, relative to the recording folder, with {@code /} separators.
   *
   * @throws IllegalArgumentException for an empty path or one with {@code ..} segments
   */
  public static String copyPath(String sourcePath) {
    if (sourcePath == null || sourcePath.isEmpty() || sourcePath.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a source path: \"" + sourcePath + "\"");
    }
    List<String> segments = new ArrayList<>();
    for (String segment : sourcePath.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        throw new IllegalArgumentException(
            "source path \"" + sourcePath + "\" has a '..' segment and would leave source/");
      }
      segments.add(segment);
    }
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("not a source path: \"" + sourcePath + "\"");
    }
    return SOURCE_DIR + "/" + String.join("/", segments);
  }
}
