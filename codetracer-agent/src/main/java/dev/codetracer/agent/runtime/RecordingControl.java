package dev.codetracer.agent.runtime;

import dev.codetracer.agent.AgentOptions;
import dev.codetracer.agent.output.RecordingFinisher;
import dev.codetracer.agent.values.ValueCapture;
import dev.codetracer.core.jvm.RawLog;
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
      try {
        boolean created = !Files.isDirectory(folder);
        Files.createDirectories(folder);
        ChunkWriter writer =
            new ChunkWriter(folder.resolve(RawLog.FILE_NAME), capture, options.maxSteps(), options.maxEvents(), options.maxBytes());
        Recording recording = new Recording(folder, created, Thread.currentThread(), writer, name);
        finisher.started(recording.folder, writer::fact);
        writer.start();
        recording.current = writer.firstChunk();
        Probes.install(recording.current);
        Probes.depth = 0;
        capture.reset();
        current = recording;
        Probes.thread = recording.thread;
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("codetracer: cannot start recording into " + folder + ": " + e.getMessage(), e);
      }
    }
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
    Recording recording;
    synchronized (LOCK) {
      recording = current;
      if (recording == null) {
        return null;
      }
      Probes.thread = null;
      Probes.collect(recording.current);
      current = null;
    }
    try {
      recording.writer.finish(recording.current);
      if (!keep) {
        finisher.discard(recording.folder, recording.createdFolder);
        return null;
      }
      finisher.finish(recording.folder, recording.name, recording.start, recording.stoppedAtCap);
      return recording.folder;
    } catch (IOException e) {
      throw new UncheckedIOException("codetracer: cannot finish the recording in " + recording.folder + ": " + e.getMessage(), e);
    }
  }

  /** The JVM is exiting: stop and keep whatever is recording. */
  public static void shutdown() {
    try {
      stop(true);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
    }
  }

  /** The recording thread filled its chunk: exchange it for an empty one. */
  static void handOff() {
    synchronized (LOCK) {
      Recording recording = current;
      if (recording == null || Thread.currentThread() != recording.thread) {
        Probes.position = 0;
        Probes.refPosition = 0;
        return;
      }
      Probes.collect(recording.current);
      recording.current = recording.writer.exchange(recording.current);
      Probes.install(recording.current);
      if (recording.writer.capReached() && !recording.stoppedAtCap) {
        recording.stoppedAtCap = true;
        Probes.thread = null;
      }
    }
  }

  static void otherThread(Thread other) {
    Recording recording = current;
    if (recording != null) {
      recording.otherThread(other);
    }
  }
}
