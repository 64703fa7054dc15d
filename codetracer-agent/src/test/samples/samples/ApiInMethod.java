package samples;

import dev.codetracer.agent.api.CodeTracer;
import java.nio.file.Path;

/**
 * Calls the agent's API directly: the method that starts a recording is recorded from the line
 * after start, stopped in it (the first recording) or returning while recording (the second).
 */
public class ApiInMethod {
  static int twice(int x) {
    return 2 * x;
  }

  static int startsAndReturns(Path folder) {
    int seed = 5;
    CodeTracer.start("returned", folder);
    int c = twice(seed);
    return c;
  }

  public static void main(String[] args) {
    CodeTracer.start("stopped", Path.of(args[0]));
    int a = twice(1);
    System.out.println("a=" + a);
    int b = twice(a);
    CodeTracer.stop(true);
    int c = startsAndReturns(Path.of(args[1]));
    CodeTracer.stop(true);
    System.out.println(b + " " + c);
  }
}
