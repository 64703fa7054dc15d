package samples;

import java.io.IOException;

/** Runs long enough to fill several chunks, says it is ready, then waits on stdin (to be killed). */
public class Spin {
  public static void main(String[] args) throws IOException {
    long acc = 0;
    for (int i = 0; i < 200_000; i++) {
      acc += i % 7;
    }
    System.out.println("ready " + acc);
    System.out.flush();
    System.in.read();
  }
}
