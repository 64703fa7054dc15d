package samples;

import java.util.HashMap;
import java.util.Map;

/** A method hot enough for C2, recording a map it changes at every call. */
public class HotValues {
  static int count(Map<String, Integer> counts, int i) {
    String key = "k" + (i % 7);
    counts.merge(key, 1, Integer::sum);
    return counts.size();
  }

  public static void main(String[] args) {
    Map<String, Integer> counts = new HashMap<>();
    int sizes = 0;
    for (int i = 0; i < 30_000; i++) {
      sizes += count(counts, i);
    }
    System.out.println(sizes + " " + counts.get("k0"));
  }
}
