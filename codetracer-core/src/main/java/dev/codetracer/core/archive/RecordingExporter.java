package dev.codetracer.core.archive;

import dev.codetracer.core.io.AtomicFiles;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.io.IoMessages;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a recording folder's contents (no top-level directory, as CodeTracer zips them) to a zip
 * archive. Files are streamed, so memory does not grow with the recording; entries are sorted by
 * name so the same folder always gives the same entry order; zip64 is used as soon as sizes need
 * it; already-compressed files are stored. The archive is written beside its final name and
 * renamed into place, so a failed export leaves nothing.
 */
public final class RecordingExporter {
  private static final int BUFFER_BYTES = 256 * 1024;

  private final ProgressListener progress;

  public RecordingExporter(ProgressListener progress) {
    this.progress = progress;
  }

  public RecordingExporter() {
    this(ProgressListener.NONE);
  }

  /**
   * Refuses, before a recording is even made, an export that {@code export} would refuse for the
   * zip being there already ({@code record -e}, {@code finish -e}, which have no {@code --force}).
   */
  public static void checkNewExport(Path zip) {
    if (Files.exists(zip, LinkOption.NOFOLLOW_LINKS)) {
      throw new ArchiveException(zip + " already exists; choose another name for the export");
    }
  }

  /**
   * Exports a valid recording folder.
   *
   * @param overwrite replace an existing archive at {@code zip} (else that is an error)
   * @return the archive's size in bytes
   */
  public long export(Path folder, Path zip, boolean overwrite) {
    return export(folder, zip, overwrite, null);
  }

  /**
   * Exports a recording, giving it {@code indexedId} in the archive when its own metadata has no
   * id (recordings of other recorders, which the index gave an id). The folder is not changed.
   */
  public long export(Path folder, Path zip, boolean overwrite, String indexedId) {
    RecordingFolder recording = RecordingFolder.open(folder);
    byte[] metadataWithId = null;
    if (recording.metadata().recordingId == null && indexedId != null) {
      recording.metadata().recordingId = indexedId;
      metadataWithId = TraceMetadataFile.toBytes(recording.metadata());
    }
    Path target = zip.toAbsolutePath().normalize();
    if (target.startsWith(recording.path())) {
      throw new ArchiveException("cannot export " + recording.path() + " into itself (" + target + ")");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !overwrite) {
      throw new ArchiveException(target + " already exists; choose another name or pass --force");
    }
    if (Files.isDirectory(target)) {
      throw new ArchiveException(target + " is a folder; give the path of the zip file to write");
    }
    List<Path> files = filesOf(recording.path());
    long total = 0;
    for (Path file : files) {
      total += sizeOf(file);
    }
    Path parent = target.getParent();
    Path partial = null;
    Path createdFolder = null;
    try {
      createdFolder = FileTrees.createFolders(parent);
      partial = Files.createTempFile(parent, "." + target.getFileName(), ".part");
      writeZip(recording.path(), files, partial, total, metadataWithId);
      // temporary files are private to their owner; an archive is made to be shared
      setReadable(partial);
      if (overwrite) {
        AtomicFiles.moveReplacing(partial, target);
      } else {
        try {
          Files.move(partial, target);
        } catch (FileAlreadyExistsException e) {
          throw new ArchiveException(target + " appeared while exporting; nothing was overwritten", e);
        }
      }
      partial = null;
      createdFolder = null;
      return Files.size(target);
    } catch (IOException e) {
      throw new ArchiveException("cannot export to " + target + ": " + IoMessages.describe(e), e);
    } finally {
      progress.finished();
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // best effort: the partial file is ours and hidden
        }
      }
      if (createdFolder != null) {
        FileTrees.deleteQuietly(createdFolder);
      }
    }
  }

  private void writeZip(Path root, List<Path> files, Path zip, long total, byte[] replacementMetadata)
      throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long done = 0;
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
      out.setUseZip64(Zip64Mode.AsNeeded);
      out.setLevel(Deflater.DEFAULT_COMPRESSION);
      for (Path file : files) {
        String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        long size = Files.size(file);
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setSize(size);
        entry.setLastModifiedTime(Files.getLastModifiedTime(file));
        entry.setUnixMode(unixMode(file));
        entry.setMethod(CompressionChoice.shouldDeflate(file, size) ? ZipEntry.DEFLATED : ZipEntry.STORED);
        boolean replaced = replacementMetadata != null && name.equals(TraceMetadataFile.NAME);
        if (replaced) {
          entry.setSize(replacementMetadata.length);
        }
        out.putArchiveEntry(entry);
        try (InputStream in = replaced ? new ByteArrayInputStream(replacementMetadata) : Files.newInputStream(file)) {
          int read;
          while ((read = in.read(buffer)) > 0) {
            out.write(buffer, 0, read);
            done += read;
            progress.progress(done, total);
          }
        }
        out.closeArchiveEntry();
      }
      out.finish();
    }
  }

  /**
   * Regular files under the folder, sorted by their entry name, without the folders codetracer
   * derives from a recording; symbolic links are refused.
   */
  static List<Path> filesOf(Path root) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (RecordingFolder.isDerived(root, path)) {
          continue;
        }
        if (Files.isSymbolicLink(path)) {
          throw new ArchiveException(
              root + " holds a symbolic link (" + root.relativize(path) + "); a recording must hold only files");
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          files.add(path);
        }
      }
    } catch (IOException e) {
      throw new ArchiveException("cannot read " + root + ": " + IoMessages.describe(e), e);
    }
    files.sort((a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()));
    return files;
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void setReadable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its defaults apply
    }
  }

  private static int unixMode(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return 0100000 | (permissions.contains(PosixFilePermission.OWNER_EXECUTE) ? 0755 : 0644);
    } catch (UnsupportedOperationException e) {
      return 0100644;
    }
  }
}
