package dev.codetracer.core.recording;

import dev.codetracer.core.CodeTracerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where recordings and the index live: {@code $XDG_DATA_HOME/codetracer} when {@code
 * XDG_DATA_HOME} is set and absolute, otherwise {@code $HOME/.local/share/codetracer}. Every
 * front end uses this one rule.
 */
public final class DataDirectory {
  public static final String INDEX_FILE_NAME = "trace_index.db";
  public static final String RECORDING_FOLDER_PREFIX = "trace-";

  private final Path root;

  public DataDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public static DataDirectory fromEnvironment() {
    return fromEnvironment(System.getenv(), System.getProperty("user.home"));
  }

  static DataDirectory fromEnvironment(Map<String, String> env, String userHomeProperty) {
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return new DataDirectory(Path.of(xdg, "codetracer"));
    }
    String home = env.getOrDefault("HOME", userHomeProperty);
    if (home == null || home.isEmpty()) {
      throw new CodeTracerException(
          "cannot find the data directory: neither XDG_DATA_HOME nor HOME is set");
    }
    return new DataDirectory(Path.of(home, ".local", "share", "codetracer"));
  }

  public Path root() {
    return root;
  }

  public Path indexFile() {
    return root.resolve(INDEX_FILE_NAME);
  }

  /** The default folder of a recording made without {@code -o}. */
  public Path recordingFolder(String recordingId) {
    return root.resolve(RECORDING_FOLDER_PREFIX + recordingId);
  }

  /**
   * Throws a one-line error when the data directory cannot exist because a file stands where it
   * or one of its parents should be (a mistyped {@code XDG_DATA_HOME}); it may still be missing.
   */
  public void requireUsable() {
    for (Path path = root; path != null; path = path.getParent()) {
      if (Files.exists(path)) {
        if (!Files.isDirectory(path)) {
          throw new CodeTracerException(
              "the data folder " + root + " cannot be made: " + path + " is a file (check XDG_DATA_HOME and HOME)");
        }
        return;
      }
    }
  }

  /** True when the path lies inside this data directory (so codetracer may delete it). */
  public boolean contains(Path path) {
    Path normalized = path.toAbsolutePath().normalize();
    return !normalized.equals(root) && normalized.startsWith(root);
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
