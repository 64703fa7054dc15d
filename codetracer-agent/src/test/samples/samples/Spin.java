package samples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs long enough to fill several chunks, creates the file it is given, then waits to be killed. */
public class Spin {
  public static void main(String[] args) throws Exception {
    long acc = 0;
    for (int i = 0; i < 200_000; i++) {
      acc += i % 7;
    }
    System.out.println("ready " + acc);
    Files.createFile(Path.of(args[0]));
    Thread.currentThread().join();
  }
}
