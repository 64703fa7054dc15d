package dev.codetracer.agent.runtime;

import dev.codetracer.core.jvm.AgentOptions;
import dev.codetracer.agent.output.RecordingFinisher;
import dev.codetracer.agent.values.ValueCapture;
import dev.codetracer.core.jvm.RawLog;
import dev.codetracer.core.jvm.TraceExpander;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts and stops recordings: one at a time, each on one thread. Starting installs a chunk and
 * the thread into {@link Probes}; stopping takes them away, waits for the writer and finishes the
 * folder (or leaves that to {@code codetracer record}).
 */
public final class RecordingControl {
  private static final Object LOCK = new Object();
  private static AgentOptions options;
  private static ValueCapture capture;
  private static RecordingFinisher finisher;
  private static volatile Recording current;
  private static Chunk spare;
  /** {@link RuntimeClasses} are loaded: here, at the start of a recording, the stack is shallow. */
  private static boolean classesReady;
  /** Stops taken from {@link #current} and not yet finished (under the lock): what {@link #halting} waits for. */
  private static int stopping;

  private RecordingControl() {}

  /** Called once by the agent's premain/agentmain. */
  public static void install(AgentOptions agentOptions, RecordingFinisher recordingFinisher) {
    options = agentOptions;
    capture = new ValueCapture(agentOptions);
    finisher = recordingFinisher;
  }

  public static boolean isInstalled() {
    return options != null;
  }

  public static boolean isRecording() {
    synchronized (LOCK) {
      return current != null;
    }
  }

  static ValueCapture capture() {
    return capture;
  }

  /**
   * Starts recording the current thread into {@code folder} (created if absent; it must be empty).
   *
   * @return false when the agent is not installed or a recording is already running
   */
  public static boolean start(String name, Path folder) {
    synchronized (LOCK) {
      if (options == null || current != null) {
        return false;
      }
      if (!classesReady) {
        RuntimeClasses.initialize(capture);
        classesReady = true;
      }
      try {
        boolean created = !Files.isDirectory(folder);
        Recording recording = new Recording(folder, created, Thread.currentThread(), spareChunk(), name, RecordingControl::openWriter);
        finisher.started(recording.folder, recording::fact);
        Probes.install(recording.current);
        Probes.depth = 0;
        SuperCalls.clear();
        capture.reset();
        GuardedLine.clear();
        current = recording;
        Probes.thread = recording.thread;
        if (options.start() == AgentOptions.Start.MAIN) {
          // a program run by itself can be killed while it waits; a test's recording is stopped by its caller
          StallWatch.watch(recording);
        }
        return true;
      } catch (RuntimeException e) {
        throw new IllegalStateException("codetracer: cannot start recording into " + folder + ": " + e.getMessage(), e);
      }
    }
  }

  private static ChunkWriter openWriter(Recording recording) throws IOException {
    Files.createDirectories(recording.folder);
    return new ChunkWriter(recording.folder.resolve(RawLog.FILE_NAME), chunkEvents(), recording.facts, capture,
        options.maxSteps(), options.maxEvents(), options.maxBytes());
  }

  /** A chunk left by the previous recording (dropped ones leave theirs), or a new one. */
  private static Chunk spareChunk() {
    Chunk chunk = spare;
    spare = null;
    return chunk != null ? chunk : new Chunk(chunkEvents());
  }

  private static int chunkEvents() {
    return Chunk.eventsFor(options.values());
  }

  public static void setName(String name) {
    synchronized (LOCK) {
      if (current != null) {
        current.name = name;
      }
    }
  }

  /**
   * Stops the recording and, when kept, finishes its folder.
   *
   * @return the folder, or null when there was no recording or it was not kept
   */
  public static Path stop(boolean keep) {
    return stop(keep, true, null);
  }

  /**
   * @param byApi stopped by {@code CodeTracer.stop}, not by the JVM's exit: the calls still open
   *     end with the recording (a JVM that exits leaves them open, as the program did)
   * @param exitCode the status the JVM ends with, when known ({@code Runtime.halt}'s), else null
   */
  private static Path stop(boolean keep, boolean byApi, Integer exitCode) {
    Recording recording;
    synchronized (LOCK) {
      recording = current;
      if (recording == null) {
        return null;
      }
      Probes.stopLogging();
      Probes.collect(recording.current);
      current = null;
      recording.stopped();
      stopping++;
    }
    try {
      return finishStopped(recording, keep, byApi, exitCode);
    } finally {
      synchronized (LOCK) {
        stopping--;
        LOCK.notifyAll();
      }
    }
  }

  private static Path finishStopped(Recording recording, boolean keep, boolean byApi, Integer exitCode) {
    try {
      ChunkWriter writer = recording.startedWriter();
      if (!keep && writer == null) {
        // nothing reached the disk: drop the chunk's contents and keep it for the next recording
        recording.current.clear();
        synchronized (LOCK) {
          spare = recording.current;
        }
        finisher.discard(recording.folder, recording.createdFolder);
        return null;
      }
      recording.countOtherThreads();
      if (byApi) {
        recording.fact(TraceExpander.STOPPED_BY_API, true);
      }
      recording.writer().finish(recording.current);
      if (!keep) {
        finisher.discard(recording.folder, recording.createdFolder);
        return null;
      }
      finisher.finish(recording.folder, recording.name, recording.start, exitCode);
      return recording.folder;
    } catch (IOException | RuntimeException e) {
      if (keep) {
        finisher.abandon(recording.folder, recording.createdFolder);
      }
      String why = e instanceof UncheckedIOException unchecked ? unchecked.getCause().getMessage() : e.getMessage();
      throw new IllegalStateException("cannot finish the recording in " + recording.folder + ": " + why, e);
    }
  }

  /**
   * The JVM is exiting: stop and keep whatever is recording. A recording started through the API
   * (a test's) was expected to be stopped by its caller, which now never will: one line says where
   * it is, since its caller cannot (a test that called {@code System.exit}).
   */
  public static void shutdown() {
    shutdown(null);
  }

  private static void shutdown(Integer exitCode) {
    Recording recording = current;
    try {
      Path kept = stop(true, false, exitCode);
      if (kept != null && options.start() == AgentOptions.Start.API) {
        System.err.println("codetracer: the JVM exited while recording " + recording.name + "; the recording is in " + kept);
      }
    } catch (RuntimeException e) {
      System.err.println("codetracer: " + e.getMessage());
    }
  }

  /**
   * Recorded code calls {@code Runtime.halt(status)}, which runs no shutdown hook: the recording
   * ends here as {@link #shutdown} ends it at {@code System.exit}, with the status as its exit
   * code. When another thread is already finishing it (the agent's shutdown hook, while a hook of
   * the program halts), the halt waits for that: halting in the middle would lose the recording.
   */
  static void halting(int status) {
    // the exit code the process ends with: the status's low byte (halt(-1) exits with 255)
    shutdown(status & 0xFF);
    synchronized (LOCK) {
      while (stopping > 0) {
        try {
          LOCK.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The recording thread filled its chunk: exchange it for an empty one. */
  static void handOff() {
    try {
      handOffLocked();
    } catch (RuntimeException | Error e) {
      stopLoggingAfter(e);
    }
  }

  private static void handOffLocked() {
    synchronized (LOCK) {
      Recording recording = current;
      if (recording == null || Thread.currentThread() != recording.thread) {
        Probes.position = 0;
        Probes.refPosition = 0;
        return;
      }
      Probes.collect(recording.current);
      ChunkWriter writer;
      try {
        writer = recording.writer();
      } catch (IOException e) {
        // no change log: stop recording, the program goes on
        System.err.println("codetracer: cannot write the recording in " + recording.folder + ": " + e.getMessage());
        recording.stoppedAtCap = true;
        Probes.stopLogging();
        Probes.position = 0;
        Probes.refPosition = 0;
        return;
      }
      recording.current = writer.exchange(recording.current);
      Probes.install(recording.current);
      if (writer.capReached() && !recording.stoppedAtCap) {
        recording.stoppedAtCap = true;
        Probes.stopLogging();
      }
    }
  }

  /**
   * Something failed while handing a chunk over, such as the stack running out when the first
   * chunk fills deep in a recursion (the writer thread starts then): logging stops here, with the
   * chunk kept as it is, which stopping the recording writes. Never an exception in the program.
   */
  private static void stopLoggingAfter(Throwable failure) {
    Probes.stopLogging();
    Recording recording = current;
    if (recording != null) {
      recording.stoppedAtCap = true;
      try {
        recording.fact("recording_stopped_by", failure.toString());
      } catch (Throwable again) {
        // the stack is still short: the recording ends here all the same
      }
    }
  }

  /**
   * Hands the writer the part of the current chunk the waiting recording thread logged and the
   * log does not have yet ({@link StallWatch}). Under the lock, so that no hand-off of the chunk
   * itself can come first; only when the thread waited before and after its fill level was read,
   * and that level did not move.
   */
  static void writeWaitingPart(Recording recording) {
    synchronized (LOCK) {
      if (current != recording || Probes.thread != recording.thread) {
        return;
      }
      java.lang.invoke.VarHandle.acquireFence();
      int events = Probes.position;
      int refs = Probes.refPosition;
      Chunk chunk = recording.current;
      if (events <= chunk.written || !StallWatch.isWaiting(recording.thread) || events != Probes.position || refs != Probes.refPosition) {
        return;
      }
      try {
        if (!recording.writer().offerPart(chunk.partUpTo(events, refs))) {
          return; // the writer is behind: next time
        }
      } catch (java.io.IOException e) {
        return; // the hand-off that cannot open the log either says so
      }
      chunk.written = events;
      chunk.refsWritten = refs;
    }
  }

  /**
   * An exception left the recording thread's outermost recorded call. If nothing catches it, the
   * JVM handles it as uncaught next, on this thread ({@code Thread.dispatchUncaughtException}),
   * which may call the program's code: an overridden {@code getMessage} while printing the stack
   * trace, an uncaught-exception handler. That code is not recorded: the run ended with the
   * exception, which the stream's last step shows (an Error event); a call of the program's code
   * after the run would hide it. The output of that handling is still recorded. The thread's code
   * is not logged until its next call of recorded code says which it is ({@link #resumes}).
   */
  static void suspend(Thread thread) {
    synchronized (LOCK) {
      if (current != null && Probes.thread == thread) {
        Probes.thread = null;
        Probes.suspended = thread;
      }
    }
  }

  /**
   * The suspended recording thread calls recorded code: true when logging goes on (the exception
   * was caught by code that is not recorded), false during the JVM's handling of it as uncaught.
   */
  static boolean resumes(Thread thread) {
    synchronized (LOCK) {
      if (current == null || current.stoppedAtCap || Probes.suspended != thread || UncaughtDispatch.isRunning()) {
        return false;
      }
      Probes.suspended = null;
      Probes.thread = thread;
      return true;
    }
  }

  static void otherThread(Thread other) {
    Recording recording = current;
    if (recording != null) {
      recording.otherThread(other);
    }
  }
}
