package dev.codetracer.viewer.index;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.viewer.stream.EventStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a recording's index lives and when it is rebuilt. It lives in the recording folder, in
 * {@value #FOLDER_NAME}/current (or, for a folder this user cannot write, in the user's cache
 * directory), and is rebuilt when missing, of another format version, or built from a stream that
 * has changed since. A build goes to a sibling folder that replaces {@code current} when done, so
 * a reader never sees half an index.
 */
public final class IndexStore {
  public static final String FOLDER_NAME = RecordingFolder.DERIVED_PREFIX + "viewer";
  private static final String CURRENT = "current";

  private IndexStore() {}

  /**
   * The index of the stream, built first when needed.
   *
   * @param stream the opened stream, or null when it cannot be opened ({@code openError} says why)
   */
  public static RecordingIndex openOrBuild(Path recordingFolder, Path streamFile, EventStream stream, String openError,
      IndexListener listener) {
    Path home = home(recordingFolder);
    Path current = home.resolve(CURRENT);
    try {
      StreamFingerprint fingerprint = StreamFingerprint.of(streamFile);
      if (isFresh(current, streamFile, fingerprint)) {
        return RecordingIndex.open(current);
      }
      Files.createDirectories(home);
      Path building = home.resolve("building-" + UUID.randomUUID());
      Files.createDirectory(building);
      try {
        listener.started(streamFile, fingerprint.size(), home);
        IndexManifest manifest =
            new IndexBuilder(building, listener.progress()).build(streamFile, stream, openError, fingerprint);
        replace(current, building);
        listener.finished(manifest);
      } finally {
        deleteFlatFolder(building);
      }
      return RecordingIndex.open(current);
    } catch (IOException e) {
      throw new CodeTracerException("cannot build the viewer's index in " + home + ": " + e.getMessage(), e);
    }
  }

  /** The folder holding the index of a recording. */
  public static Path home(Path recordingFolder) {
    if (Files.isWritable(recordingFolder)) {
      return recordingFolder.resolve(FOLDER_NAME);
    }
    return cacheDirectory().resolve("codetracer").resolve("viewer").resolve(hash(recordingFolder.toAbsolutePath().toString()));
  }

  private static boolean isFresh(Path current, Path streamFile, StreamFingerprint fingerprint) {
    if (!Files.isRegularFile(current.resolve(IndexLayout.MANIFEST))) {
      return false;
    }
    try {
      IndexManifest manifest = RecordingIndex.readManifest(current);
      return manifest.formatVersion == IndexLayout.FORMAT_VERSION
          && Objects.equals(manifest.stream, streamFile.getFileName().toString())
          && fingerprint.equals(manifest.fingerprint);
    } catch (IOException e) {
      return false; // unreadable: rebuild it
    }
  }

  private static void replace(Path current, Path built) throws IOException {
    deleteFlatFolder(current);
    try {
      Files.move(built, current, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
      // another viewer finished the same build first: replace its result with ours
      deleteFlatFolder(current);
      Files.move(built, current, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Deletes a folder of plain files, as the index folders are (all made by this class). */
  private static void deleteFlatFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(folder);
  }

  private static Path cacheDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg);
    }
    return Path.of(System.getProperty("user.home"), ".cache");
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
