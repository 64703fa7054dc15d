package samples;

import java.lang.reflect.Method;
import java.nio.file.Path;

/** A recording through the API that uses one class of two loaded before it starts. */
public class ApiScope {
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
    int before = Before.twice(2);
    start.invoke(null, "scope", Path.of(args[0]));
    int kept = square(3);
    stop.invoke(null, true);
    System.out.println(before + " " + kept);
  }
}
