package dev.codetracer.core.index;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.TraceMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The user's recordings on this machine: the data directory and its index. Front ends register,
 * find and remove recordings through this class; it opens the index only when needed, and never
 * creates one just to read it. Whenever it opens the index, it first adds the registrations left
 * for it ({@link #registerLater}).
 */
public final class LocalRecordings {
  private final DataDirectory dataDirectory;
  private final PendingRegistrations pending;

  public LocalRecordings(DataDirectory dataDirectory) {
    this.dataDirectory = dataDirectory;
    this.pending = new PendingRegistrations(dataDirectory);
  }

  public static LocalRecordings fromEnvironment() {
    return new LocalRecordings(DataDirectory.fromEnvironment());
  }

  public DataDirectory dataDirectory() {
    return dataDirectory;
  }

  /**
   * Adds a recording folder to the index under the id from its metadata (a recording of another
   * recorder without one gets a new id, kept in the index only).
   *
   * @throws AlreadyIndexedException when the id or folder is already indexed
   */
  public IndexedRecording register(RecordingFolder folder, boolean imported) {
    return register(folder, imported, List.of());
  }

  /**
   * Like {@link #register(RecordingFolder, boolean)}, removing the rows of the recordings this one
   * replaces in the same transaction: the index never holds both, nor neither.
   */
  public IndexedRecording register(RecordingFolder folder, boolean imported, List<String> replacedIds) {
    IndexedRecording row = rowFor(folder, imported);
    try (TraceIndex index = open()) {
      add(index, folder, row, replacedIds);
    }
    return row;
  }

  /**
   * Adds the row, removing with it the row of a recording that was in the same folder before (the
   * folder was deleted and recorded or imported into again): that recording is gone, and its row
   * would keep this one out of the index. No file is touched.
   */
  private static void add(TraceIndex index, RecordingFolder folder, IndexedRecording row, List<String> replacedIds) {
    List<String> removed = new ArrayList<>(replacedIds);
    index.findByFolder(folder.path())
        .filter(previous -> !describes(previous, folder.metadata()))
        .ifPresent(previous -> removed.add(previous.recordingId()));
    index.replace(removed, row);
  }

  /** The row is of the recording with this metadata: the same id, or without one, the same run. */
  private static boolean describes(IndexedRecording row, TraceMetadata m) {
    if (m.recordingId != null) {
      return m.recordingId.equals(row.recordingId());
    }
    return Objects.equals(row.program(), m.program)
        && Objects.equals(row.args(), m.args)
        && Objects.equals(row.recordedAt(), m.startTime);
  }

  private static IndexedRecording rowFor(RecordingFolder folder, boolean imported) {
    String id = folder.metadata().recordingId;
    return IndexedRecording.of(id == null ? RecordingId.newId() : id, folder, imported);
  }

  /**
   * Adds a recording folder to the index unless it is there already (see {@link #findSame}), in
   * one opening of the index.
   *
   * @return the recording's row: the one found, or the one added
   */
  public IndexedRecording registerUnlessIndexed(RecordingFolder folder) {
    try (TraceIndex index = open()) {
      return registerUnlessIndexed(index, folder);
    }
  }

  private static IndexedRecording registerUnlessIndexed(TraceIndex index, RecordingFolder folder) {
    Optional<IndexedRecording> found = findSame(index, folder);
    if (found.isPresent()) {
      return found.get();
    }
    IndexedRecording row = rowFor(folder, false);
    add(index, folder, row, List.of());
    return row;
  }

  /**
   * Leaves the recording's registration for the next opening of the index (by any codetracer
   * command, or this class), without opening it now: what a test JVM does, which should neither
   * load SQLite nor wait for another JVM's hold on the index. Until then, the recording is in the
   * index for everything that reads it through this class.
   *
   * @throws IndexException when the registration cannot be written
   */
  public void registerLater(RecordingFolder folder) {
    String id = folder.metadata().recordingId;
    try {
      pending.add(id == null ? RecordingId.newId() : id, folder.path());
    } catch (IOException e) {
      throw new IndexException(
          "cannot leave its registration in " + dataDirectory.root().resolve(PendingRegistrations.FOLDER_NAME) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The indexed row of this recording, matched by id, by folder, or by program, args and time. A
   * row of the same folder that is of another recording (one recorded there before) does not match.
   */
  public Optional<IndexedRecording> findSame(RecordingFolder folder) {
    return withIndex(index -> findSame(index, folder).orElse(null));
  }

  private static Optional<IndexedRecording> findSame(TraceIndex index, RecordingFolder folder) {
    var m = folder.metadata();
    Optional<IndexedRecording> found = m.recordingId == null ? Optional.empty() : index.findById(m.recordingId);
    if (found.isEmpty()) {
      found = index.findByFolder(folder.path()).filter(row -> describes(row, m));
    }
    if (found.isEmpty() && m.recordingId == null && m.startTime != null) {
      found = index.findByRun(m.program, m.args, m.startTime);
    }
    return found;
  }

  public Optional<IndexedRecording> findById(String id) {
    return withIndex(index -> index.findById(id)).flatMap(o -> o);
  }

  public Optional<IndexedRecording> findByFolder(Path folder) {
    return withIndex(index -> index.findByFolder(folder)).flatMap(o -> o);
  }

  /** A recording whose folder lies inside this one (not the folder itself), if the index has one. */
  public Optional<IndexedRecording> findInside(Path folder) {
    return withIndex(index -> index.findInside(folder)).flatMap(o -> o);
  }

  /**
   * The recording whose id is, or starts with, the given text (at least 8 characters).
   *
   * @throws CodeTracerException when nothing matches or the prefix is ambiguous
   */
  public IndexedRecording resolveId(String idOrPrefix) {
    String prefix = idOrPrefix.toLowerCase(java.util.Locale.ROOT);
    if (!RecordingId.isPrefix(prefix)) {
      throw new CodeTracerException(
          "\"" + idOrPrefix + "\" is not a recording id (give at least " + RecordingId.MIN_PREFIX_LENGTH
              + " characters of one; `codetracer list` shows them)");
    }
    List<IndexedRecording> matches = withIndex(index -> index.findByIdPrefix(prefix)).orElse(List.of());
    if (matches.isEmpty()) {
      throw new CodeTracerException("no recording with id " + idOrPrefix + " in the index " + dataDirectory.indexFile());
    }
    if (matches.size() > 1) {
      throw new CodeTracerException(
          "id prefix " + idOrPrefix + " is ambiguous; it matches "
              + matches.stream().map(IndexedRecording::recordingId).collect(Collectors.joining(", ")));
    }
    return matches.get(0);
  }

  /**
   * The newest rows, how many recordings the index holds in all, and the short id of each row (the
   * shortest prefix that tells it from every other id in the index).
   */
  public record Listing(List<IndexedRecording> rows, int total, Map<String, String> shortIds) {
    public String shortId(IndexedRecording row) {
      return shortIds.getOrDefault(row.recordingId(), row.recordingId());
    }
  }

  /** The newest rows, the total and the short ids, in one visit to the index (what {@code codetracer list} shows). */
  public Listing list(int limit) {
    return withIndex(
            index -> {
              List<IndexedRecording> rows = index.newest(limit);
              Map<String, String> shortIds = new HashMap<>();
              for (IndexedRecording row : rows) {
                shortIds.put(row.recordingId(), index.uniquePrefix(row.recordingId()));
              }
              return new Listing(rows, rows.size() < limit ? rows.size() : index.count(), shortIds);
            })
        .orElse(new Listing(List.of(), 0, Map.of()));
  }

  /**
   * The shortest prefix of an id (at least 8 characters) that no other recording in the index
   * shares, for a command to print where the user will type it back; the first 8 characters when
   * there is no index.
   */
  public String shortId(String recordingId) {
    return withIndex(index -> index.uniquePrefix(recordingId)).orElse(RecordingId.shortForm(recordingId));
  }

  public List<IndexedRecording> newest(int limit) {
    return withIndex(index -> index.newest(limit)).orElse(List.of());
  }

  public int count() {
    return withIndex(TraceIndex::count).orElse(0);
  }

  public boolean remove(String recordingId) {
    return withIndex(index -> index.remove(recordingId)).orElse(false);
  }

  /** True when codetracer owns the folder (it lies in the data directory) and may delete it. */
  public boolean owns(Path folder) {
    return dataDirectory.contains(folder);
  }

  private <T> Optional<T> withIndex(java.util.function.Function<TraceIndex, T> action) {
    if (!Files.isRegularFile(dataDirectory.indexFile()) && pending.entries().isEmpty()) {
      return Optional.empty();
    }
    try (TraceIndex index = open()) {
      return Optional.ofNullable(action.apply(index));
    }
  }

  /**
   * Opens the index (creating it when missing) and adds the registrations waiting for it. When the
   * index takes no writes just now (a full disk, another process holding it past the busy
   * timeout), they wait for the next opening: reading the index must not fail for them.
   */
  private TraceIndex open() {
    TraceIndex index = TraceIndex.open(dataDirectory.indexFile());
    try {
      List<Path> entries = pending.entries();
      for (Path entry : entries) {
        Optional<Path> folder = PendingRegistrations.recordingFolderOf(entry);
        if (folder.isPresent() && !addPending(index, folder.get())) {
          return index;
        }
        PendingRegistrations.remove(entry);
      }
      if (!entries.isEmpty()) {
        pending.removeFolderIfEmpty();
      }
      return index;
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /** @return false when the index took no write: the registration must wait */
  private static boolean addPending(TraceIndex index, Path folder) {
    RecordingFolder recording;
    try {
      recording = RecordingFolder.open(folder);
    } catch (CodeTracerException e) {
      return true; // removed since (a clean build) or no longer a recording: nothing to add
    }
    try {
      registerUnlessIndexed(index, recording);
    } catch (AlreadyIndexedException e) {
      // another process added it meanwhile
    } catch (IndexException e) {
      return false;
    }
    return true;
  }
}
