package dev.codetracer.junit.recording;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.RecordingExporter;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.record.ExportFolder;
import dev.codetracer.core.recording.RecordingFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What happens to a finished recording of a test: the size cap, a check that it is a valid
 * recording, registration in the local index, and the zips ({@code codetracer.export} beside
 * the folder, {@code CODETRACER_EXPORT_RECORD_FOLDER}).
 */
public final class RecordingPublisher {
  private final long maxSizeBytes;
  private final boolean index;
  private final boolean exportBeside;
  private final Optional<Path> exportFolder;
  private final Supplier<LocalRecordings> recordings;

  public RecordingPublisher(
      long maxSizeBytes,
      boolean index,
      boolean exportBeside,
      Optional<Path> exportFolder,
      Supplier<LocalRecordings> recordings) {
    this.maxSizeBytes = maxSizeBytes;
    this.index = index;
    this.exportBeside = exportBeside;
    this.exportFolder = exportFolder;
    this.recordings = recordings;
  }

  /**
   * A published recording.
   *
   * @param warnings what went wrong without losing the recording (not indexed, not exported)
   */
  public record Published(RecordingFolder recording, List<Path> zips, List<String> warnings) {}

  /**
   * Publishes the recording in {@code folder}.
   *
   * @throws CodeTracerException when there is no usable recording (over the size cap: the folder
   *     is removed; not a valid recording: it is left for inspection)
   */
  public Published publish(Path folder) {
    long size = RecordingFolder.sizeOf(folder);
    if (size > maxSizeBytes) {
      FileTrees.deleteQuietly(folder);
      throw new CodeTracerException(
          "it was " + mib(size) + ", over codetracer.maxSize (" + mib(maxSizeBytes) + "), and was removed; raise codetracer.maxSize");
    }
    RecordingFolder recording;
    try {
      recording = RecordingFolder.open(folder);
    } catch (CodeTracerException e) {
      throw new CodeTracerException("the recorder left no valid recording in " + folder + ": " + e.getMessage(), e);
    }
    List<String> warnings = new ArrayList<>();
    if (index) {
      try {
        recordings.get().register(recording, false);
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
      java.nio.file.Files.createDirectories(zip.toAbsolutePath().getParent());
      new RecordingExporter().export(recording.path(), zip, false);
      zips.add(zip.toAbsolutePath().normalize());
    } catch (CodeTracerException e) {
      warnings.add("not exported: " + e.getMessage());
    } catch (java.io.IOException e) {
      warnings.add("not exported: cannot create " + zip.getParent() + ": " + e.getMessage());
    }
  }

  static String mib(long bytes) {
    if (bytes < (1L << 20)) {
      return (bytes >> 10) + " KiB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
  }
}
