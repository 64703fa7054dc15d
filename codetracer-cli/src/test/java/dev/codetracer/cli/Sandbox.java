package dev.codetracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.RecordingFolder;
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
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Recording folders for the CLI tests, and snapshots of whole folder trees. */
final class Sandbox {
  private Sandbox() {}

  /** A valid JVM-backend recording: metadata, function index, stream, paths and a source file. */
  static Path recording(Path folder, String id, String program, String startTime) throws IOException {
    write(folder, "trace_metadata.json", metadata(id, program, startTime));
    write(folder, "function_index.json",
        "[{\"name\":\"Main.main\",\"signature\":\"\",\"path\":\"/w/src/Main.java\",\"line\":3,\"inSourcemap\":true}]");
    write(folder, "trace.json", "[\n{\"Path\":\"/w/src/Main.java\"}\n]\n");
    write(folder, "trace_paths.json", "[\"/w/src/Main.java\"]");
    write(folder, "source/w/src/Main.java", "class Main {\n  public static void main(String[] a) {}\n}\n");
    return folder;
  }

  static String metadata(String id, String program, String startTime) {
    return "{\"format_version\":1,"
        + (id == null ? "" : "\"recording_id\":\"" + id + "\",")
        + "\"program\":\"" + program + "\",\"args\":[\"--n\",\"3\"],\"workdir\":\"/w\",\"backend\":\"jvm\""
        + (startTime == null ? "" : ",\"start_time\":\"" + startTime + "\"")
        + ",\"exit_code\":0}";
  }

  /** A recording as CodeTracer's other recorders write it: files/, no id unless given, no paths file. */
  static Path foreignRecording(Path folder, String idOrNull) throws IOException {
    write(folder, "trace_metadata.json",
        "{" + (idOrNull == null ? "" : "\"recording_id\":\"" + idOrNull + "\",")
            + "\"program\":\"/home/u/app/main.rb\",\"args\":[],\"workdir\":\"/home/u/app\"}");
    write(folder, "trace.json", "[{\"Path\":\"/home/u/app/main.rb\"}]");
    write(folder, "files/home/u/app/main.rb", "puts 1\n");
    return folder;
  }

  static Path write(Path folder, String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static byte[] random(int bytes, long seed) {
    byte[] data = new byte[bytes];
    new Random(seed).nextBytes(data);
    return data;
  }

  /** Registers a recording in the sandbox's data directory, in this JVM (a real SQLite file). */
  static void register(Path sandbox, Path recording) {
    new LocalRecordings(new DataDirectory(CliProcess.dataDirectory(sandbox))).register(RecordingFolder.open(recording), false);
  }

  static LocalRecordings recordings(Path sandbox) {
    return new LocalRecordings(new DataDirectory(CliProcess.dataDirectory(sandbox)));
  }

  /** Every file and folder under root: relative path -> SHA-256 (files), "dir" or "link". */
  static Map<String, String> snapshot(Path root) {
    Map<String, String> tree = new TreeMap<>();
    if (!Files.exists(root)) {
      return tree;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root)) {
            tree.put(root.relativize(dir).toString(), "dir");
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          tree.put(root.relativize(file).toString(), attrs.isSymbolicLink() ? "link" : sha256(file));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tree;
  }

  static String sha256(Path file) throws IOException {
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

  static void assertSameFiles(Path actual, Path expected) {
    Map<String, String> want = snapshot(expected);
    assertThat(want).isNotEmpty();
    assertThat(snapshot(actual)).as("files of %s compared with %s", actual, expected).isEqualTo(want);
  }
}
