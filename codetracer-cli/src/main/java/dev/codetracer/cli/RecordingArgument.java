package dev.codetracer.cli;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.ArchiveLimits;
import dev.codetracer.core.archive.ImportResult;
import dev.codetracer.core.archive.ProgressListener;
import dev.codetracer.core.archive.RecordingImporter;
import dev.codetracer.core.index.IndexedRecording;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingId;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code ID|FOLDER|ZIP} argument of {@code run}, {@code show}, {@code export} and {@code
 * host}: an existing folder is a recording folder, an existing file an archive, anything else an
 * id or id prefix from the index.
 */
public final class RecordingArgument {
  /** Which of the three the argument named. */
  public enum Kind {
    ID,
    FOLDER,
    ARCHIVE
  }

  private final String text;

  public RecordingArgument(String text) {
    this.text = text;
  }

  public Kind kind() {
    Path path = Path.of(text);
    if (Files.isDirectory(path)) {
      return Kind.FOLDER;
    }
    if (Files.isRegularFile(path)) {
      return Kind.ARCHIVE;
    }
    if (RecordingId.isPrefix(text.toLowerCase(java.util.Locale.ROOT))) {
      return Kind.ID;
    }
    throw new CodeTracerException(
        "\"" + text + "\" is neither a recording folder, an archive, nor a recording id (give at least "
            + RecordingId.MIN_PREFIX_LENGTH + " characters of an id; `codetracer list` shows them)");
  }

  public Path path() {
    return Path.of(text).toAbsolutePath().normalize();
  }

  /** The indexed recording the argument names; it must be in the index already. */
  public IndexedRecording resolveIndexed(LocalRecordings recordings) {
    switch (kind()) {
      case ID:
        return recordings.resolveId(text);
      case FOLDER:
        return recordings
            .findSame(RecordingFolder.open(path()))
            .orElseThrow(
                () -> new CodeTracerException(path() + " is not in the index; add it with `codetracer import " + text + "`"));
      default:
        throw new CodeTracerException(text + " is an archive; import it first with `codetracer import " + text + "`");
    }
  }

  /**
   * The recording the argument names, imported first when the index does not know it yet (the
   * seed's rule for {@code run}: match by id, folder, or program, args and start time).
   */
  public ImportResult resolveOrImport(LocalRecordings recordings, ProgressListener progress) {
    RecordingImporter importer = new RecordingImporter(recordings, ArchiveLimits.defaults(), progress);
    switch (kind()) {
      case ID:
        return new ImportResult(recordings.resolveId(text), true);
      case FOLDER:
        return importer.importFolder(path());
      default:
        return importer.importArchive(path(), null, false);
    }
  }

  /** The recording folder for commands that only read it: an id's folder, or the folder given. */
  public RecordingFolder openFolder(LocalRecordings recordings) {
    switch (kind()) {
      case ID:
        IndexedRecording row = recordings.resolveId(text);
        if (!Files.isDirectory(row.folder())) {
          throw new CodeTracerException(
              "recording " + row.recordingId() + " is in the index but its folder " + row.folder()
                  + " is gone; remove the entry with `codetracer rm " + recordings.shortId(row.recordingId()) + "`");
        }
        return RecordingFolder.open(row.folder());
      case FOLDER:
        return RecordingFolder.open(path());
      default:
        throw new CodeTracerException(text + " is an archive, not a recording folder or id");
    }
  }
}
