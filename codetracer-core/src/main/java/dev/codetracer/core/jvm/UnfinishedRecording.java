package dev.codetracer.core.jvm;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.CodeTracerVersion;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.io.IoMessages;
import dev.codetracer.core.record.RecordingSession;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingJson;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A JVM recording whose {@code codetracer record} ended before it finished it (killed by SIGKILL,
 * a CI job's timeout): the folder holds the agent's change log ({@link RawLog}) but no {@code
 * trace_metadata.json}. {@link #finish} makes it the recording {@code record} would have made.
 *
 * <p>While it records, {@code codetracer record} keeps {@value #FILE_NAME} in the folder: what
 * only it knows (the recording id, the command, the working directory, the start time, the
 * format, the agent's options) and its pid, and it holds a lock on that file until the recording
 * is finished. So a folder is being recorded when that file is locked (the {@code record} process
 * lives), or when the change log is ({@link ChangeLog}: the recorded JVM lives); either way it is
 * not finished under them. A folder with a change log and no such file (the JVM recorder without
 * {@code codetracer record} around it, killed before it finished its recording) is finished from
 * the log alone, its command marked unknown.
 */
public final class UnfinishedRecording {
  public static final String FILE_NAME = RecordingFolder.UNFINISHED_CLAIM;
  /** The metadata key of a recording finished by {@link #finish}: when it was finished. */
  public static final String FINISHED_LATER = "finished_later";
  /** The metadata key of a recording finished from its change log alone. */
  public static final String COMMAND_UNKNOWN = "command_unknown";

  private UnfinishedRecording() {}

  /** The folders in the data directory that hold unfinished recordings, by name. */
  public static List<Path> in(DataDirectory data) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(data.root())) {
      return found;
    }
    try (Stream<Path> entries = Files.list(data.root())) {
      entries
          .filter(entry -> entry.getFileName().toString().startsWith(DataDirectory.RECORDING_FOLDER_PREFIX))
          .filter(Files::isDirectory)
          .filter(RecordingFolder::isUnfinished)
          .sorted()
          .forEach(found::add);
    } catch (IOException e) {
      throw new CodeTracerException("cannot read " + data.root() + ": " + IoMessages.describe(e), e);
    }
    return found;
  }

  // ---- the recording side

  /** {@code codetracer record}'s hold on a folder while it records: {@link #FILE_NAME}, locked. */
  public static final class Claim implements Closeable {
    /** No claim: it could not be written. */
    static final Claim NONE = new Claim(null, null, null, null);

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Object> document;
    private final TraceMetadata metadata;

    private Claim(Path file, FileChannel channel, Map<String, Object> document, TraceMetadata metadata) {
      this.file = file;
      this.channel = channel;
      this.document = document;
      this.metadata = metadata;
    }

    /**
     * The program runs, as this process: written into the claim (with the metadata as it is now),
     * so that {@code finish} can tell a program that still runs from one that ended before it
     * logged anything. Best effort, as the claim is.
     */
    public void programStarted(long pid) {
      if (channel == null) {
        return;
      }
      document.put("program_pid", pid);
      document.put("metadata", TraceMetadataFile.toJson(metadata));
      try {
        channel.truncate(0);
        write(channel, document);
      } catch (IOException | RuntimeException e) {
        // finish then takes the program for one that may still run, and leaves the folder alone
      }
    }

    /** The recording is finished (or there is nothing to finish): the file goes. */
    public void finished() throws IOException {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }

    /** Lets go of the lock; a file not {@link #finished} stays for {@code codetracer finish}. */
    @Override
    public void close() throws IOException {
      if (channel != null) {
        channel.close();
      }
    }
  }

  /**
   * Writes {@link #FILE_NAME} into the (empty) recording folder and locks it, before anything else
   * is written there. It is a help for later: when it cannot be written (a full disk), the
   * program is recorded without it, and only a {@code codetracer record} killed then loses its
   * recording's command.
   */
  static Claim claim(Path folder, TraceMetadata metadata, TraceFormat format, String agentOptions) {
    Path file = folder.resolve(FILE_NAME);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put(
        "about",
        "codetracer record is recording into this folder; if it was stopped before it finished the recording,"
            + " `codetracer finish FOLDER` finishes it");
    document.put("recorder_pid", ProcessHandle.current().pid());
    document.put("format", format == TraceFormat.BIN ? "bin" : "json");
    document.put("agent_options", agentOptions);
    document.put("metadata", TraceMetadataFile.toJson(metadata));
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      return Claim.NONE;
    }
    try {
      tryLock(channel);
      write(channel, document);
      return new Claim(file, channel, document, metadata);
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
        Files.deleteIfExists(file);
      } catch (IOException again) {
        // a part of the file may stay: finish reads it as no claim
      }
      return Claim.NONE;
    }
  }

  private static void write(FileChannel channel, Map<String, Object> document) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(RecordingJson.toBytes(document));
    long position = 0;
    while (bytes.hasRemaining()) {
      position += channel.write(bytes, position);
    }
  }

  // ---- finishing later

  /**
   * The folder is left as it is: it is being recorded (its {@code codetracer record} or its JVM
   * still runs), or its JVM has not logged anything yet.
   */
  public static final class LeftAloneException extends CodeTracerException {
    private static final long serialVersionUID = 1L;

    LeftAloneException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A folder {@link #finish} was given.
   *
   * @param alreadyFinished it held a finished recording already: nothing was done
   * @param result what the expansion found, or null when already finished
   */
  public record Finished(Path folder, boolean alreadyFinished, ExpansionResult result) {}

  /**
   * Finishes an unfinished recording as {@code codetracer record} would have, with {@value
   * #FINISHED_LATER} in its metadata; a folder that holds a finished recording already is left as
   * it is.
   *
   * @param workdir the working directory to assume when the folder does not say which
   * @throws CodeTracerException when the folder is being recorded, or holds nothing to finish
   */
  public static Finished finish(Path folder, Path workdir) {
    Path path = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(path)) {
      throw new CodeTracerException(path + (Files.exists(path) ? " is not a folder" : " does not exist"));
    }
    Path claimFile = path.resolve(FILE_NAME);
    FileChannel claim = null;
    try {
      if (Files.exists(claimFile)) {
        claim = FileChannel.open(claimFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (!tryLock(claim)) {
          Object pid = readClaim(claim).get("recorder_pid");
          if (pid instanceof Number number && !isAlive(number.longValue())) {
            throw new LeftAloneException(path + " is being finished by another codetracer", null);
          }
          throw new LeftAloneException(
              path + " is still being recorded: `codetracer record`" + (pid == null ? "" : " (pid " + pid + ")")
                  + " is running, and finishes the recording itself", null);
        }
      }
      if (Files.exists(path.resolve(TraceMetadataFile.NAME))) {
        if (claim != null) {
          // record was killed after it wrote the metadata, before it removed what it no longer needed
          removeLeftovers(path, claimFile);
        }
        return new Finished(path, true, null);
      }
      if (!Files.exists(path.resolve(RawLog.FILE_NAME))) {
        if (claim != null && programMayRun(readClaim(claim))) {
          throw new LeftAloneException(
              path + " holds no change log (" + RawLog.FILE_NAME + ") yet: the recorded program is starting or running"
                  + " and has not logged anything; finish it once the program has ended",
              null);
        }
        if (claim != null) {
          throw nothingRecorded(path, claimFile);
        }
        throw new CodeTracerException(
            path + " is not a recording: it has neither " + TraceMetadataFile.NAME + " nor a change log ("
                + RawLog.FILE_NAME + ") to finish");
      }
      return finishLocked(path, claim == null ? null : readClaim(claim), workdir);
    } catch (IOException e) {
      throw new CodeTracerException("cannot finish the recording in " + path + ": " + IoMessages.describe(e), e);
    } catch (java.io.UncheckedIOException e) {
      throw new CodeTracerException("cannot finish the recording in " + path + ": " + IoMessages.describe(e.getCause()), e);
    } finally {
      if (claim != null) {
        try {
          claim.close();
        } catch (IOException e) {
          // the lock goes with the channel either way
        }
      }
    }
  }

  private static Finished finishLocked(Path folder, Map<String, Object> claim, Path workdir) throws IOException {
    TraceMetadata metadata;
    TraceFormat format = TraceFormat.JSON;
    ExpansionLimits limits = ExpansionLimits.defaults();
    if (claim != null && claim.get("metadata") instanceof Map<?, ?>) {
      metadata = claimedMetadata(folder, claim);
      format = "bin".equals(claim.get("format")) ? TraceFormat.BIN : TraceFormat.JSON;
      if (claim.get("agent_options") instanceof String options) {
        limits = JvmRecorder.limits(options);
      }
    } else {
      metadata = metadataFromFolder(folder, workdir);
    }
    try (ChangeLog log = JvmTraceFinisher.openLog(folder)) {
      ExpansionResult result = JvmTraceFinisher.expand(log, format, limits, Path.of(metadata.workdir), metadata);
      metadata.recorderName = "codetracer-java " + JvmRecorder.NAME;
      metadata.recorderVersion = CodeTracerVersion.get();
      metadata.codetracerVersion = CodeTracerVersion.get();
      if (metadata.extra().containsKey(COMMAND_UNKNOWN) && result.facts().get("java_home") instanceof String javaHome) {
        metadata.program = Path.of(javaHome, "bin", "java").toString();
      }
      metadata.put(FINISHED_LATER, RecordingSession.isoMillis(Instant.now()));
      TraceMetadataFile.write(folder, metadata);
      log.delete();
      FileTrees.deleteQuietly(folder.resolve(JvmRecorder.COMPILED_CLASSES));
      Files.deleteIfExists(folder.resolve(FILE_NAME));
      return new Finished(folder, false, result);
    } catch (ChangeLog.InUseException e) {
      throw new LeftAloneException(
          folder + " is still being recorded: the recorded JVM is still running (it holds " + RawLog.FILE_NAME
              + "), or another codetracer is finishing it; finish it once the program has ended",
          e);
    }
  }

  /**
   * What a {@code record} killed after writing a finished recording's metadata left beside it: its
   * change log (the program had ended: record writes the metadata only then), the compiled
   * classes of a single-file program, and its claim, which would otherwise go into exports.
   */
  private static void removeLeftovers(Path folder, Path claimFile) throws IOException {
    Files.deleteIfExists(folder.resolve(RawLog.FILE_NAME));
    FileTrees.deleteQuietly(folder.resolve(JvmRecorder.COMPILED_CLASSES));
    Files.deleteIfExists(claimFile);
  }

  /**
   * Whether the program of a claim whose {@code record} is gone may still run: it was started (or
   * the claim cannot say) and a process of its pid lives. A pid the system gave to another process
   * since errs on the side of leaving the folder alone.
   */
  private static boolean programMayRun(Map<String, Object> claim) {
    if (!(claim.get("program_pid") instanceof Number pid)) {
      // killed before it started the program (while it compiled a single-file program, say), or a
      // claim cut short: only the instant between starting the program and noting it is unknown
      return false;
    }
    return isAlive(pid.longValue());
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * A folder whose {@code record} was killed and whose program ended (or never started) before
   * the JVM recorder logged anything: there is nothing to finish, and what {@code record} left
   * there (its claim, a single-file program's classes) goes, with the folder when that empties it.
   */
  private static CodeTracerException nothingRecorded(Path folder, Path claimFile) throws IOException {
    FileTrees.deleteQuietly(folder.resolve(JvmRecorder.COMPILED_CLASSES));
    Files.deleteIfExists(claimFile);
    boolean removed = false;
    try (Stream<Path> left = Files.list(folder)) {
      if (left.findAny().isEmpty()) {
        Files.delete(folder);
        removed = true;
      }
    }
    return new CodeTracerException(
        "nothing was recorded in " + folder + ": its `codetracer record` was stopped before the program logged anything; "
            + (removed ? "removed the folder" : "removed what record left in it"));
  }

  /** What {@code codetracer record} wrote down before the program started. */
  private static TraceMetadata claimedMetadata(Path folder, Map<String, Object> claim) {
    Object document = claim.get("metadata");
    try {
      return TraceMetadataFile.parse(new ByteArrayInputStream(RecordingJson.toBytes(document)));
    } catch (CodeTracerException e) {
      throw new CodeTracerException(folder.resolve(FILE_NAME) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The metadata of a log without {@link #FILE_NAME}: the id of a {@code trace-<id>} folder (else
   * a new one); the command is not known (the program becomes the recorded JVM's java, once the
   * log says which).
   */
  private static TraceMetadata metadataFromFolder(Path folder, Path workdir) {
    TraceMetadata metadata = new TraceMetadata();
    metadata.formatVersion = TraceMetadata.FORMAT_VERSION;
    String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
    String prefix = DataDirectory.RECORDING_FOLDER_PREFIX;
    metadata.recordingId =
        name.startsWith(prefix) && RecordingId.isValid(name.substring(prefix.length()))
            ? name.substring(prefix.length())
            : RecordingId.newId();
    metadata.program = "java";
    metadata.args = new ArrayList<>();
    metadata.workdir = workdir.toAbsolutePath().normalize().toString();
    metadata.backend = JvmRecorder.NAME;
    metadata.put(COMMAND_UNKNOWN, true);
    return metadata;
  }

  /** The claim's contents; empty when it cannot be read as a JSON object (its writer was killed). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> readClaim(FileChannel channel) throws IOException {
    // read through the locked channel: closing another descriptor of the file would drop the lock
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    long position = 0;
    int read;
    while ((read = channel.read(buffer, position)) > 0) {
      bytes.write(buffer.array(), 0, read);
      position += read;
      buffer.clear();
    }
    try {
      if (RecordingJson.parse(FILE_NAME, new ByteArrayInputStream(bytes.toByteArray())) instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
    } catch (CodeTracerException e) {
      // cut short by a kill while it was written: as if it were not there
    }
    return Map.of();
  }

  /** Locks the file; true when locked or when the file system has no locks to tell with. */
  private static boolean tryLock(FileChannel channel) {
    try {
      return channel.tryLock() != null;
    } catch (OverlappingFileLockException e) {
      return false;
    } catch (IOException | UnsupportedOperationException e) {
      return true;
    }
  }
}
