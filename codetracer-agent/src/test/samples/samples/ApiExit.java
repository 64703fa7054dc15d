package samples;

import java.lang.reflect.Method;
import java.nio.file.Path;

/** Starts a recording through the agent's API, as a test's would be, and exits the JVM inside it. */
public class ApiExit {
  static int half(int x) {
    return x / 2;
  }

  public static void main(String[] args) throws Exception {
    Class<?> api = Class.forName("dev.codetracer.agent.api.CodeTracer");
    Method start = api.getMethod("start", String.class, Path.class);
    start.invoke(null, "exiting", Path.of(args[0]));
    int code = half(8);
    System.exit(code);
  }
}
