package dev.codetracer.core.record;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CODETRACER_EXPORT_RECORD_FOLDER=DIR} (named in the seed): while it is set, every
 * recording made (CLI, JUnit extension, Maven plugin) is also exported as a zip into DIR, the
 * simplest way to collect CI artifacts.
 */
public final class ExportFolder {
  public static final String VARIABLE = "CODETRACER_EXPORT_RECORD_FOLDER";

  private ExportFolder() {}

  public static Optional<Path> fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  public static Optional<Path> fromEnvironment(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Path.of(value).toAbsolutePath().normalize());
  }

  /**
   * The zip a recording folder is exported to: {@code DIR/<folder name>.zip}, or {@code
   * DIR/<folder name>-2.zip} and so on when that name is taken (recordings made with {@code -o}
   * may share a folder name), so every recording gets its own archive and none is overwritten.
   */
  public static Path zipFor(Path exportFolder, Path recordingFolder) {
    String name = recordingFolder.getFileName().toString();
    Path zip = exportFolder.resolve(name + ".zip");
    for (int n = 2; Files.exists(zip, LinkOption.NOFOLLOW_LINKS); n++) {
      zip = exportFolder.resolve(name + "-" + n + ".zip");
    }
    return zip;
  }
}
