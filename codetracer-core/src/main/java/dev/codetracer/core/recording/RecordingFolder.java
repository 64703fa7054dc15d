package dev.codetracer.core.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One recording on disk. Opening a folder validates it: {@code trace_metadata.json} well formed,
 * a payload present ({@code rr/}, {@code trace.json} or {@code trace.bin}), and the optional JSON
 * files well formed. The exception says exactly what is wrong.
 *
 * <pre>
 * trace-&lt;id&gt;/
 *   trace_metadata.json   function_index.json   source/ (or files/ from other recorders)
 *   rr/                   rr backend: the packed rr trace
 *   trace.json | trace.bin, trace_paths.json      JVM backend: the event stream
 * </pre>
 */
public final class RecordingFolder {
  public static final String RR_DIR = "rr";
  public static final String TRACE_JSON = "trace.json";
  public static final String TRACE_BIN = "trace.bin";
  /**
   * Top-level folders whose name starts with this are derived from the recording by codetracer
   * (the viewer's index): not part of it, so never exported and not counted in its size.
   */
  public static final String DERIVED_PREFIX = ".codetracer-";
  /** The JVM recorder's change log, in the folder until the recording is finished. */
  public static final String CHANGE_LOG = "trace.raw";
  /** What {@code codetracer record} keeps in the folder until it has finished the recording. */
  public static final String UNFINISHED_CLAIM = "trace_unfinished.json";

  /** What holds the execution itself. */
  public enum Payload {
    RR,
    TRACE_JSON,
    TRACE_BIN
  }

  private final Path path;
  private final TraceMetadata metadata;
  private final Payload payload;

  private RecordingFolder(Path path, TraceMetadata metadata, Payload payload) {
    this.path = path;
    this.metadata = metadata;
    this.payload = payload;
  }

  /** Opens and validates a recording folder. */
  public static RecordingFolder open(Path folder) {
    Path path = folder.toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new InvalidRecordingException(path + " does not exist");
    }
    if (!Files.isDirectory(path)) {
      throw new InvalidRecordingException(path + " is not a folder");
    }
    if (isUnfinished(path)) {
      throw new InvalidRecordingException(unfinishedMessage(path));
    }
    TraceMetadata metadata = TraceMetadataFile.read(path);
    Payload payload =
        findPayload(path)
            .orElseThrow(
                () ->
                    new InvalidRecordingException(
                        path + " holds no execution: expected rr/, trace.json or trace.bin"));
    if (payload != Payload.RR) {
      boolean hasPaths = Files.isRegularFile(path.resolve(TracePathsFile.NAME));
      if (!hasPaths && !metadata.isForeign()) {
        throw new InvalidRecordingException(path + " has an event stream but no " + TracePathsFile.NAME);
      }
      TracePathsFile.read(path);
    }
    if (!metadata.isForeign() && !Files.isRegularFile(path.resolve(FunctionIndexFile.NAME))) {
      throw new InvalidRecordingException(path + " has no " + FunctionIndexFile.NAME);
    }
    FunctionIndexFile.read(path);
    return new RecordingFolder(path, metadata, payload);
  }

  /**
   * True for the folder of a JVM recording that is not finished: being recorded, or left by a
   * {@code codetracer record} stopped before it finished it. It has a change log or a claim, and no
   * metadata.
   */
  public static boolean isUnfinished(Path folder) {
    return !Files.exists(folder.resolve(TraceMetadataFile.NAME))
        && (Files.exists(folder.resolve(CHANGE_LOG)) || Files.exists(folder.resolve(UNFINISHED_CLAIM)));
  }

  /** What commands that need a finished recording say of an {@linkplain #isUnfinished unfinished} one. */
  public static String unfinishedMessage(Path folder) {
    return folder + " holds an unfinished recording (`codetracer record` is still recording it, or was stopped before"
        + " it finished it); finish it with `codetracer finish " + folder + "`";
  }

  static Optional<Payload> findPayload(Path folder) {
    if (Files.isDirectory(folder.resolve(RR_DIR))) {
      return Optional.of(Payload.RR);
    }
    if (Files.isRegularFile(folder.resolve(TRACE_BIN))) {
      return Optional.of(Payload.TRACE_BIN);
    }
    if (Files.isRegularFile(folder.resolve(TRACE_JSON))) {
      return Optional.of(Payload.TRACE_JSON);
    }
    return Optional.empty();
  }

  public Path path() {
    return path;
  }

  public TraceMetadata metadata() {
    return metadata;
  }

  public Payload payload() {
    return payload;
  }

  /** {@code rr} or {@code jvm} for ours; for other recorders' streams, {@code trace}. */
  public String backend() {
    if (metadata.backend != null) {
      return metadata.backend;
    }
    return payload == Payload.RR ? "rr" : "trace";
  }

  /** The folder holding source copies: {@code source/}, or {@code files/} from other recorders. */
  public Optional<Path> sourceRoot() {
    for (String name : new String[] {SourcePaths.SOURCE_DIR, SourcePaths.FOREIGN_SOURCE_DIR}) {
      Path candidate = path.resolve(name);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  public Path eventStream() {
    return path.resolve(payload == Payload.TRACE_BIN ? TRACE_BIN : TRACE_JSON);
  }

  /** Total size of the files, in bytes. */
  public long sizeBytes() {
    return sizeOf(path);
  }

  /** True for a path inside one of the folder's {@linkplain #DERIVED_PREFIX derived} folders. */
  public static boolean isDerived(Path folder, Path path) {
    Path relative = folder.relativize(path);
    return relative.getNameCount() > 0 && relative.getName(0).toString().startsWith(DERIVED_PREFIX);
  }

  public static long sizeOf(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(file -> !isDerived(folder, file))
          .filter(Files::isRegularFile)
          .mapToLong(
              file -> {
                try {
                  return Files.size(file);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
