package samples;

import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Uses the agent's API the way the JUnit extension does: reflectively, by name. {@code Before} is
 * loaded and run before the first recording starts, so no recording has its code.
 */
public class ApiRecording {
  static class Before {
    static int twice(int x) {
      return 2 * x;
    }
  }

  static int square(int x) {
    int result = x * x;
    return result;
  }

  public static void main(String[] args) throws Exception {
    Class<?> api = Class.forName("dev.codetracer.agent.api.CodeTracer");
    Method start = api.getMethod("start", String.class, Path.class);
    Method stop = api.getMethod("stop", boolean.class);
    System.out.println("active " + api.getMethod("isActive").invoke(null));
    int before = Before.twice(2);
    start.invoke(null, "kept", Path.of(args[0]));
    int kept = square(3);
    Object folder = stop.invoke(null, true);
    start.invoke(null, "dropped", Path.of(args[1]));
    int dropped = square(4);
    Object none = stop.invoke(null, false);
    System.out.println(before + " " + kept + " " + dropped + " " + (folder != null) + " " + none);
  }
}
