import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.DataDirectory;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times the query behind `codetracer list` inside one JVM: the first call (loads the SQLite driver
 * and its native library, opens the file) and then warm calls.
 *
 * <p>java -cp codetracer.jar bench/archive/ListQuery.java DATA_DIR
 */
public class ListQuery {
  public static void main(String[] args) {
    LocalRecordings recordings = new LocalRecordings(new DataDirectory(Path.of(args[0])));
    long start = System.nanoTime();
    int rows = recordings.newest(50).size();
    long first = System.nanoTime() - start;
    long[] warm = new long[30];
    for (int i = 0; i < warm.length; i++) {
      long t = System.nanoTime();
      recordings.newest(50);
      warm[i] = System.nanoTime() - t;
    }
    Arrays.sort(warm);
    long t = System.nanoTime();
    int all = recordings.newest(Integer.MAX_VALUE).size();
    long allNanos = System.nanoTime() - t;
    System.out.printf("first newest(50): %.1f ms (%d rows); warm newest(50) median: %.2f ms; newest(all): %.0f ms (%d rows); count: %d%n",
        first / 1e6, rows, warm[warm.length / 2] / 1e6, allNanos / 1e6, all, recordings.count());
  }
}
