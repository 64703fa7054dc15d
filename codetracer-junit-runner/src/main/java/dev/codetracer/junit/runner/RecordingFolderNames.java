package dev.codetracer.junit.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names a test's recording folder so a person finds it in a listing: {@code
 * CalculatorTest.divides-3-1f0c9a2e} (class, method, invocation, then a short random id that
 * keeps the recordings of several runs apart).
 */
public final class RecordingFolderNames {
  static final int MAX_NAME_LENGTH = 120;

  private RecordingFolderNames() {}

  /** A folder under {@code output} that does not exist yet. */
  public static Path newFolder(Path output, TestDescription test) {
    String base = base(test);
    for (int attempt = 0; ; attempt++) {
      Path folder = output.resolve(base + "-" + shortId());
      if (!Files.exists(folder) || attempt > 100) {
        return folder;
      }
    }
  }

  static String base(TestDescription test) {
    String name = test.shortName();
    StringBuilder safe = new StringBuilder(Math.min(name.length(), MAX_NAME_LENGTH));
    for (int i = 0; i < name.length() && safe.length() < MAX_NAME_LENGTH; i++) {
      char c = name.charAt(i);
      if (c == '[') {
        safe.append('-');
      } else if (c != ']') {
        safe.append(isSafe(c) ? c : '_');
      }
    }
    return safe.toString();
  }

  /** Letters and digits of ASCII, dot, underscore and dash: a name any file system and shell takes as it is. */
  private static boolean isSafe(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  }

  static String shortId() {
    // not String.format("%08x"): this names every recorded test's folder, and Formatter is slow
    String hex = Integer.toHexString(ThreadLocalRandom.current().nextInt());
    return "0".repeat(8 - hex.length()) + hex;
  }
}
