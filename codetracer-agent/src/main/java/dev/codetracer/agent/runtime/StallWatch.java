package dev.codetracer.agent.runtime;

/**
 * Writes what a waiting recording thread has logged so far. Events reach the change log a chunk
 * at a time, so a program that waits (for a lock, a child process, input) and is then killed by
 * SIGKILL would lose its last chunk, which is what shows where it waited. Twice a second this
 * thread looks at the recording thread, and while it waits hands the part of its chunk not yet
 * written to the writer (starting the writer if the first chunk never filled).
 *
 * <p>Only a thread that waits can be read this way: its events and fill level were written
 * before it began to wait, which is a memory barrier, and stay as they are while it waits.
 */
final class StallWatch implements Runnable {
  private static final long PERIOD_MILLIS = 500;

  private final Recording recording;

  private StallWatch(Recording recording) {
    this.recording = recording;
  }

  /** Watches a recording until it stops. */
  static void watch(Recording recording) {
    Thread thread = new Thread(new StallWatch(recording), "codetracer-stall-watch");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    try {
      // twice a second, and not a moment longer than the recording lasts
      while (!recording.awaitStop(PERIOD_MILLIS)) {
        if (isWaiting(recording.thread)) {
          RecordingControl.writeWaitingPart(recording);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      // the watch is a help, never a failure of the program: it ends here
    }
  }

  /** Waiting for a monitor, a notification, a park or a sleep, or in native code (input, a socket). */
  static boolean isWaiting(Thread thread) {
    switch (thread.getState()) {
      case BLOCKED:
      case WAITING:
      case TIMED_WAITING:
        return true;
      case RUNNABLE:
        StackTraceElement[] stack = thread.getStackTrace();
        return stack.length > 0 && stack[0].isNativeMethod();
      default:
        return false;
    }
  }
}
