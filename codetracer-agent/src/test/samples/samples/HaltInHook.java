package samples;

import java.lang.reflect.Method;

/**
 * Exits, and its own shutdown hook halts the JVM. Recorded, the hook halts once the agent's hook
 * has taken the recording to finish it (so the halt comes while it does); unrecorded, at once.
 */
public class HaltInHook {
  static void untilTheRecordingStopped() {
    try {
      Method recording = Class.forName("dev.codetracer.agent.api.CodeTracer").getMethod("isRecording");
      while ((Boolean) recording.invoke(null)) {
        Thread.onSpinWait();
      }
    } catch (ReflectiveOperationException e) {
      // no agent: not recorded
    }
  }

  public static void main(String[] args) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      untilTheRecordingStopped();
      Runtime.getRuntime().halt(5);
    }));
    int total = 0;
    for (int i = 0; i < 10; i++) {
      total += i;
    }
    System.out.println("exiting with " + total);
    System.exit(1);
  }
}
