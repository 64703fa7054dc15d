package dev.codetracer.core.index;

import dev.codetracer.core.io.AtomicFiles;
import dev.codetracer.core.recording.DataDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recordings waiting to be added to the index: one small file each in {@code
 * <data dir>/pending-registrations/}, naming the recording's folder. A test JVM leaves these
 * instead of opening the SQLite index itself, so that SQLite's native library never loads in a
 * user's test JVM and test JVMs running side by side never wait for the index's write lock.
 * {@link LocalRecordings} adds them whenever it opens the index, before anything else.
 *
 * <p>An entry that cannot be read is skipped, never an obstacle to opening the index: the
 * recording's folder stays where it is either way, and {@code codetracer import FOLDER} adds it.
 */
final class PendingRegistrations {
  static final String FOLDER_NAME = "pending-registrations";
  private static final String SUFFIX = ".folder";

  private final Path folder;

  PendingRegistrations(DataDirectory dataDirectory) {
    this.folder = dataDirectory.root().resolve(FOLDER_NAME);
  }

  /** Leaves the registration of the recording {@code recordingId} in {@code recordingFolder}. */
  void add(String recordingId, Path recordingFolder) throws IOException {
    byte[] contents = recordingFolder.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
    for (int attempt = 1; ; attempt++) {
      Files.createDirectories(folder);
      try {
        AtomicFiles.write(folder.resolve(recordingId + SUFFIX), contents);
        return;
      } catch (NoSuchFileException e) {
        // the folder was emptied and removed by an index opening in between (removeFolderIfEmpty)
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Once every entry is taken: removes the folder (it is made again by the next add). */
  void removeFolderIfEmpty() {
    try {
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      // not empty (an entry came meanwhile) or not ours to remove now: it stays, harmlessly
    }
  }

  /** The waiting registrations, by name (time-ordered recording ids); none when there is no folder. */
  List<Path> entries() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> entries = new ArrayList<>();
    // AtomicFiles' temporary files start with a dot: an entry being written is not one yet
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "[!.]*" + SUFFIX)) {
      files.forEach(entries::add);
    } catch (IOException e) {
      return List.of();
    }
    entries.sort(null);
    return entries;
  }

  /** The recording folder an entry names; empty when it is gone (another process took it) or unreadable. */
  static Optional<Path> recordingFolderOf(Path entry) {
    try {
      return Optional.of(Path.of(Files.readString(entry, StandardCharsets.UTF_8).trim()));
    } catch (IOException | InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Removes an entry once its recording is in the index (or cannot be added any more). */
  static void remove(Path entry) {
    try {
      Files.deleteIfExists(entry);
    } catch (IOException e) {
      // it is tried again, harmlessly, at the next opening: its recording is indexed by then
    }
  }
}
