package dev.codetracer.core.archive;

import dev.codetracer.core.index.AlreadyIndexedException;
import dev.codetracer.core.index.IndexedRecording;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.io.IoMessages;
import dev.codetracer.core.recording.InvalidRecordingException;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Imports recordings into the local index, as the seed describes: {@code import trace.zip}
 * unpacks into {@code trace/} beside the archive, {@code import trace.zip DIR} into DIR, and
 * {@code import FOLDER} registers the folder where it is. The recording keeps the id from its
 * metadata.
 *
 * <p>An archive is checked whole before anything is written ({@link ArchiveInspector}), unpacked
 * into a hidden sibling of the target and renamed into place, then registered; a failure at any
 * point removes what this import wrote and nothing else. An existing target that is not empty is
 * never replaced unless the caller forces it.
 */
public final class RecordingImporter {
  private static final int BUFFER_BYTES = 256 * 1024;

  private final LocalRecordings recordings;
  private final ArchiveLimits limits;
  private final ProgressListener progress;

  public RecordingImporter(LocalRecordings recordings, ArchiveLimits limits, ProgressListener progress) {
    this.recordings = recordings;
    this.limits = limits;
    this.progress = progress;
  }

  public RecordingImporter(LocalRecordings recordings) {
    this(recordings, ArchiveLimits.defaults(), ProgressListener.NONE);
  }

  /** The folder {@code import trace.zip} unpacks into: the archive's path without {@code .zip}. */
  public static Path defaultTarget(Path archive) {
    Path absolute = archive.toAbsolutePath().normalize();
    String name = absolute.getFileName().toString();
    String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name + ".d";
    return absolute.resolveSibling(stem.isEmpty() ? "trace" : stem);
  }

  /** Registers a recording folder in place. */
  public ImportResult importFolder(Path folder) {
    RecordingFolder recording = RecordingFolder.open(folder);
    Optional<IndexedRecording> existing = recordings.findSame(recording);
    if (existing.isPresent() && Files.isDirectory(existing.get().folder())) {
      return new ImportResult(existing.get(), true);
    }
    // indexed, but its folder is gone: this folder takes the row's place
    List<String> outdatedRows = existing.map(stale -> List.of(stale.recordingId())).orElse(List.of());
    try {
      return new ImportResult(recordings.register(recording, true, outdatedRows), false);
    } catch (AlreadyIndexedException e) {
      return new ImportResult(e.existing(), true);
    }
  }

  /**
   * Unpacks and registers an archive.
   *
   * @param target the folder to unpack into, or null for {@link #defaultTarget}
   * @param force replace a target folder that exists and is not empty
   */
  public ImportResult importArchive(Path archive, Path target, boolean force) {
    Path destination = (target == null ? defaultTarget(archive) : target).toAbsolutePath().normalize();
    ArchiveInspector.Inspection inspection = ArchiveInspector.inspect(archive, limits);
    Path createdParent = null;
    Path staging = null;
    Path replaced = null;
    boolean moved = false;
    boolean wasEmptyFolder = false;
    boolean finished = false;
    try {
      TraceMetadata metadata = inspection.metadata();
      List<String> outdatedRows = new ArrayList<>();
      if (metadata.recordingId != null) {
        Optional<IndexedRecording> existing = recordings.findById(metadata.recordingId);
        if (existing.isPresent() && Files.isDirectory(existing.get().folder())) {
          finished = true;
          return new ImportResult(existing.get(), true);
        }
        // indexed, but its folder is gone: this import takes the row's place
        existing.ifPresent(stale -> outdatedRows.add(stale.recordingId()));
      } else {
        // no id (another recorder's): unpacked here before when the target holds the same run
        Optional<IndexedRecording> same = recordings.findByFolder(destination).filter(row -> sameRun(row, metadata));
        if (same.isPresent()) {
          finished = true;
          return new ImportResult(same.get(), true);
        }
      }
      checkTarget(archive, destination, force);
      wasEmptyFolder = Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS);
      createdParent = FileTrees.createFolders(destination.getParent());
      staging = createStaging(destination);
      unpack(archive, inspection, staging);
      if (metadata.recordingId == null) {
        metadata.recordingId = RecordingId.newId();
        TraceMetadataFile.write(staging, metadata);
      }
      validate(archive, staging);
      replaced = moveIntoPlace(staging, destination, force);
      moved = true;
      staging = null;
      // the row of a recording replaced here, or deleted from here before, goes with the registration
      IndexedRecording row;
      try {
        row = recordings.register(RecordingFolder.open(destination), true, outdatedRows);
      } catch (AlreadyIndexedException e) {
        // another import of the same recording got there first; ours goes away again
        return new ImportResult(e.existing(), true);
      }
      finished = true;
      if (replaced != null) {
        FileTrees.deleteQuietly(replaced);
      }
      return new ImportResult(row, false);
    } catch (IOException e) {
      throw new ArchiveException("cannot import " + archive + ": " + IoMessages.describe(e) + "; nothing was imported", e);
    } catch (UncheckedIOException e) {
      throw new ArchiveException(
          "cannot import " + archive + ": " + IoMessages.describe(e.getCause()) + "; nothing was imported", e);
    } finally {
      ArchiveInspector.closeQuietly(inspection.zip());
      if (!finished) {
        undo(staging, moved ? destination : null, wasEmptyFolder, replaced, createdParent);
      }
      progress.finished();
    }
  }

  /** The seed's rule for recognising a recording without an id: program, args and start time. */
  private static boolean sameRun(IndexedRecording row, TraceMetadata metadata) {
    return Files.isDirectory(row.folder())
        && Objects.equals(row.program(), metadata.program)
        && Objects.equals(row.args(), metadata.args)
        && Objects.equals(row.workdir(), metadata.workdir)
        && Objects.equals(row.recordedAt(), metadata.startTime);
  }

  /**
   * Takes back what a failed import did, and only that: its staging folder, the folder it moved
   * into place, the folders it created for it; a folder it moved aside goes back where it was.
   */
  private static void undo(Path staging, Path placed, boolean wasEmptyFolder, Path replaced, Path createdParent) {
    if (staging != null) {
      FileTrees.deleteQuietly(staging);
    }
    if (placed != null) {
      FileTrees.deleteQuietly(placed);
      try {
        if (replaced != null) {
          Files.move(replaced, placed, StandardCopyOption.ATOMIC_MOVE);
        } else if (wasEmptyFolder) {
          Files.createDirectory(placed);
        }
      } catch (IOException ignored) {
        // the folder stays beside it, under its hidden name; the original failure is reported
      }
    }
    if (createdParent != null) {
      FileTrees.deleteQuietly(createdParent);
    }
  }

  private void checkTarget(Path archive, Path destination, boolean force) throws IOException {
    Path dataRoot = recordings.dataDirectory().root();
    if (dataRoot.startsWith(destination)) {
      throw new ArchiveException(
          destination + " holds codetracer's data directory " + dataRoot + "; choose another target");
    }
    if (archive.toAbsolutePath().normalize().startsWith(destination)) {
      throw new ArchiveException(destination + " holds the archive " + archive + "; choose another target");
    }
    if (!Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
      throw new ArchiveException(destination + " exists and is not a folder; choose another target");
    }
    if (FileTrees.isEmptyDirectory(destination)) {
      return;
    }
    if (!force) {
      throw new ArchiveException(
          destination + " already exists and is not empty; choose another target or pass --force to replace it");
    }
    checkReplaceable(destination);
  }

  /**
   * What {@code --force} may replace: a recording folder, not whatever a mistyped path names (the
   * current folder, a folder of the user's, a folder holding other recordings of the index).
   */
  private void checkReplaceable(Path destination) throws IOException {
    if (!Files.isRegularFile(destination.resolve(TraceMetadataFile.NAME), LinkOption.NOFOLLOW_LINKS)) {
      throw new ArchiveException(
          destination + " is not a recording folder (it has no " + TraceMetadataFile.NAME
              + "); --force replaces only a recording, so choose another target");
    }
    Path workingDirectory = Path.of("").toAbsolutePath().normalize();
    if (workingDirectory.startsWith(destination)) {
      throw new ArchiveException(destination + " is the current folder or holds it; choose another target");
    }
    Optional<IndexedRecording> inside = recordings.findInside(destination);
    if (inside.isPresent()) {
      throw new ArchiveException(
          destination + " holds the recording " + inside.get().recordingId() + " (" + inside.get().folder()
              + "); choose another target");
    }
  }

  private static Path createStaging(Path destination) throws IOException {
    Path staging =
        destination.resolveSibling("." + destination.getFileName() + ".import-" + UUID.randomUUID().toString().substring(0, 8));
    Files.createDirectory(staging);
    return staging;
  }

  private void unpack(Path archive, ArchiveInspector.Inspection inspection, Path staging) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long done = 0;
    for (ZipArchiveEntry entry : inspection.entries()) {
      Path path = staging.resolve(EntryNames.canonical(entry.getName()));
      if (!path.normalize().startsWith(staging)) {
        throw new ArchiveException(archive + ": entry \"" + entry.getName() + "\" leaves the target folder");
      }
      if (entry.isDirectory()) {
        Files.createDirectories(path);
        continue;
      }
      Files.createDirectories(path.getParent());
      long declared = entry.getSize();
      long written = 0;
      CRC32 crc = new CRC32();
      try (InputStream in = inspection.zip().getInputStream(entry);
          OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
        int read;
        while ((read = readEntry(archive, entry, in, buffer)) > 0) {
          written += read;
          if (written > declared) {
            throw new ArchiveException(
                archive + ": entry \"" + entry.getName()
                    + "\" holds more data than its header declares (corrupt, or a disguised compression bomb); refusing it");
          }
          crc.update(buffer, 0, read);
          out.write(buffer, 0, read);
          done += read;
          progress.progress(done, inspection.totalBytes());
        }
      }
      if (written != declared) {
        throw new ArchiveException(
            archive + " is corrupt: entry \"" + entry.getName() + "\" holds " + written + " bytes but declares " + declared);
      }
      if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
        throw new ArchiveException(
            archive + " is corrupt: entry \"" + entry.getName() + "\" does not match its checksum (CRC-32)");
      }
      if ((entry.getUnixMode() & 0100) != 0) {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  /** Reads from an entry; a failure here means the archive is damaged, not the disk. */
  private static int readEntry(Path archive, ZipArchiveEntry entry, InputStream in, byte[] buffer) {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw new ArchiveException(
          archive + " is corrupt: entry \"" + entry.getName() + "\" cannot be read (" + IoMessages.describe(e) + ")", e);
    }
  }

  private static void validate(Path archive, Path staging) {
    try {
      RecordingFolder.open(staging);
    } catch (InvalidRecordingException e) {
      String message = e.getMessage().replace(staging.toString(), "the archive");
      throw new ArchiveException(archive + " is not a valid recording: " + message, e);
    }
  }

  /** Renames the staging folder to the target; returns where a forced-out old target went. */
  private static Path moveIntoPlace(Path staging, Path destination, boolean force) throws IOException {
    Path replaced = null;
    if (force && Files.isDirectory(destination) && !FileTrees.isEmptyDirectory(destination)) {
      replaced = destination.resolveSibling("." + destination.getFileName() + ".replaced-" + UUID.randomUUID().toString().substring(0, 8));
      Files.move(destination, replaced, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      if (replaced != null) {
        Files.move(replaced, destination, StandardCopyOption.ATOMIC_MOVE);
      }
      // rename(2) fails with ENOTEMPTY, which the JDK reports as a plain FileSystemException
      if (Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS) && !FileTrees.isEmptyDirectory(destination)
          || e instanceof FileAlreadyExistsException) {
        throw new ArchiveException(destination + " appeared while importing (another import?); nothing was replaced", e);
      }
      throw e;
    }
    return replaced;
  }
}
