package dev.codetracer.agent.api;

import dev.codetracer.agent.instrument.OwnLoads;
import dev.codetracer.agent.runtime.RecordingControl;
import java.nio.file.Path;

/**
 * Start and stop recordings from inside the recorded JVM (the JUnit extension and the Maven
 * plugin call these reflectively: this package is never relocated and uses only JDK types). One
 * recording at a time; it records the thread that starts it. Every method is safe to call when
 * the agent was not loaded with {@code -javaagent}: nothing is recorded then.
 */
public final class CodeTracer {
  private CodeTracer() {}

  /** True when the agent is loaded in this JVM (so {@link #start} can record). */
  public static boolean isActive() {
    return RecordingControl.isInstalled();
  }

  /** True while a recording is running. */
  public static boolean isRecording() {
    return RecordingControl.isInstalled() && RecordingControl.isRecording();
  }

  /**
   * Starts recording the current thread into {@code folder} (created when absent; it must not hold
   * another recording). Called directly from a recorded method, the recording starts with a call of
   * that method, recorded from the next line on.
   *
   * @param name a name for the recording (e.g. the test's), kept in its metadata; may be null
   * @return false when the agent is not loaded or a recording is already running
   */
  public static boolean start(String name, Path folder) {
    return RecordingControl.start(name, folder.toAbsolutePath().normalize());
  }

  /** Renames the running recording. */
  public static void setName(String name) {
    RecordingControl.setName(name);
  }

  /**
   * Stops the running recording.
   *
   * @param keep true to finish the recording folder, false to delete what it wrote
   * @return the finished folder, or null when nothing was recording or it was not kept
   */
  public static Path stop(boolean keep) {
    return RecordingControl.stop(keep);
  }

  /**
   * Runs codetracer's own work on the current thread (publishing a recording): the classes it
   * loads meanwhile get no probes, for the rest of the JVM's life. Without the agent loaded, just
   * runs it.
   */
  public static void withoutInstrumenting(Runnable work) {
    OwnLoads.run(work);
  }
}
