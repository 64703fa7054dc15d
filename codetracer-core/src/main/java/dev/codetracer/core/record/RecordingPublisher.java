package dev.codetracer.core.record;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.RecordingExporter;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.RecordingFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What happens to a recording a front end has in hand once its recorder finished it outside a
 * {@link RecordingSession} (a test recorded through the agent's API, in this JVM or another): it
 * is validated, registered in the local index and exported as the user asked.
 */
public final class RecordingPublisher {
  /** How a published recording gets into the local index. */
  public enum Registration {
    /** It does not. */
    NONE,
    /** At once: the index is opened. */
    NOW,
    /**
     * At the next opening of the index, by any codetracer command ({@link
     * LocalRecordings#registerLater}): what a test JVM does, which should not load SQLite.
     */
    LATER
  }

  private final Registration registration;
  private final Supplier<LocalRecordings> index;
  private final boolean exportBeside;
  private final Optional<Path> exportFolder;

  /**
   * @param registration how each recording gets into the local index
   * @param index the index, looked up only when needed
   * @param exportBeside also write {@code <folder>.zip} beside each recording
   * @param exportFolder {@code CODETRACER_EXPORT_RECORD_FOLDER}, when set
   */
  public RecordingPublisher(
      Registration registration, Supplier<LocalRecordings> index, boolean exportBeside, Optional<Path> exportFolder) {
    this.registration = registration;
    this.index = index;
    this.exportBeside = exportBeside;
    this.exportFolder = exportFolder;
  }

  /**
   * A published recording.
   *
   * @param zips the archives written
   * @param warnings what went wrong without losing the recording (not indexed, not exported)
   */
  public record Published(RecordingFolder recording, List<Path> zips, List<String> warnings) {}

  /**
   * Publishes the recording in {@code folder}.
   *
   * @throws CodeTracerException when the folder holds no valid recording (it is left as it is)
   */
  public Published publish(Path folder) {
    RecordingFolder recording = RecordingFolder.open(folder);
    List<String> warnings = new ArrayList<>();
    if (registration != Registration.NONE) {
      try {
        if (registration == Registration.NOW) {
          index.get().registerUnlessIndexed(recording);
        } else {
          index.get().registerLater(recording);
        }
      } catch (CodeTracerException e) {
        warnings.add("not added to the index: " + e.getMessage());
      }
    }
    List<Path> zips = new ArrayList<>();
    if (exportBeside) {
      export(recording, folder.resolveSibling(folder.getFileName() + ".zip"), zips, warnings);
    }
    exportFolder.ifPresent(dir -> export(recording, ExportFolder.zipFor(dir, folder), zips, warnings));
    return new Published(recording, zips, warnings);
  }

  private static void export(RecordingFolder recording, Path zip, List<Path> zips, List<String> warnings) {
    try {
      new RecordingExporter().export(recording.path(), zip, false);
      zips.add(zip.toAbsolutePath().normalize());
    } catch (CodeTracerException e) {
      warnings.add("not exported: " + e.getMessage());
    }
  }
}
