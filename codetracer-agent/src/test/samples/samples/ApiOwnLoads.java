package samples;

import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Loads one class inside {@code CodeTracer.withoutInstrumenting}, as the JUnit extension loads
 * what publishing a recording needs, and another as usual; then records calls of both.
 */
public class ApiOwnLoads {
  static class LoadedByCodeTracer {
    static int twice(int x) {
      return 2 * x;
    }
  }

  static class LoadedByTheProgram {
    static int square(int x) {
      return x * x;
    }
  }

  public static void main(String[] args) throws Exception {
    Class<?> api = Class.forName("dev.codetracer.agent.api.CodeTracer");
    Runnable load = () -> {
      try {
        Class.forName("samples.ApiOwnLoads$LoadedByCodeTracer");
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    };
    api.getMethod("withoutInstrumenting", Runnable.class).invoke(null, load);
    Class.forName("samples.ApiOwnLoads$LoadedByTheProgram");
    api.getMethod("start", String.class, Path.class).invoke(null, "both", Path.of(args[0]));
    int total = LoadedByCodeTracer.twice(3) + LoadedByTheProgram.square(3);
    api.getMethod("stop", boolean.class).invoke(null, true);
    System.out.println(total);
  }
}
