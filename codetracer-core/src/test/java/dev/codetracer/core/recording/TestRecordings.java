package dev.codetracer.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Builds small, valid recording folders for the tests, and compares folder trees. */
public final class TestRecordings {
  private TestRecordings() {}

  /** A valid JVM-backend recording with a JSON stream, a source file and a function index. */
  public static Path jvmRecording(Path folder, String id, String program, String startTime) {
    try {
      Files.createDirectories(folder.resolve("source/w/src"));
      write(folder, TraceMetadataFile.NAME, metadataJson(id, program, startTime));
      write(folder, FunctionIndexFile.NAME,
          "[{\"name\":\"Main.main\",\"signature\":\"([Ljava/lang/String;)V\",\"path\":\"/w/src/Main.java\","
              + "\"line\":3,\"inSourcemap\":true}]");
      write(folder, RecordingFolder.TRACE_JSON, "[\n{\"Path\":\"/w/src/Main.java\"}\n]\n");
      write(folder, TracePathsFile.NAME, "[\"/w/src/Main.java\"]");
      write(folder, "source/w/src/Main.java", "class Main {\n  public static void main(String[] a) {}\n}\n");
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String metadataJson(String id, String program, String startTime) {
    return "{\"format_version\":1,"
        + (id == null ? "" : "\"recording_id\":\"" + id + "\",")
        + "\"program\":\"" + program + "\",\"args\":[\"--flag\",\"two words\"],\"workdir\":\"/w\","
        + "\"backend\":\"jvm\",\"language\":\"java\""
        + (startTime == null ? "" : ",\"start_time\":\"" + startTime + "\"")
        + ",\"exit_code\":0,\"duration_ms\":12}";
  }

  /**
   * A recording as CodeTracer's other recorders write it: metadata with only program, args and
   * workdir, sources under {@code files/}, an event stream without {@code trace_paths.json} and
   * without {@code function_index.json}.
   */
  public static Path foreignRecording(Path folder, String idOrNull) {
    try {
      Files.createDirectories(folder.resolve("files/home/u/app"));
      write(folder, TraceMetadataFile.NAME,
          "{" + (idOrNull == null ? "" : "\"recording_id\":\"" + idOrNull + "\",")
              + "\"program\":\"/home/u/app/main.rb\",\"args\":[],\"workdir\":\"/home/u/app\"}");
      write(folder, RecordingFolder.TRACE_JSON, "[{\"Path\":\"/home/u/app/main.rb\"}]");
      write(folder, "files/home/u/app/main.rb", "puts 1\n");
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds {@code bytes} of random (incompressible) data to the folder under the name. */
  public static Path randomFile(Path folder, String name, int bytes, long seed) throws IOException {
    byte[] data = new byte[bytes];
    new Random(seed).nextBytes(data);
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, data);
  }

  public static Path write(Path folder, String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Relative path (with '/') of every file and folder under root -> SHA-256 of files, "dir" for folders. */
  public static Map<String, String> tree(Path root) {
    Map<String, String> tree = new TreeMap<>();
    if (!Files.exists(root)) {
      return tree;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root)) {
                tree.put(name(dir), "dir");
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
              tree.put(name(file), attrs.isSymbolicLink() ? "link" : sha256(file));
              return FileVisitResult.CONTINUE;
            }

            private String name(Path path) {
              return root.relativize(path).toString().replace('\\', '/');
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tree;
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Asserts that two folders hold the same files with the same bytes. */
  public static void assertSameFiles(Path actual, Path expected) {
    Map<String, String> want = tree(expected);
    assertThat(want).as("expected tree of %s", expected).isNotEmpty();
    assertThat(tree(actual)).as("files of %s compared with %s", actual, expected).isEqualTo(want);
  }

  public static List<String> names(Map<String, String> tree) {
    return List.copyOf(tree.keySet());
  }
}
