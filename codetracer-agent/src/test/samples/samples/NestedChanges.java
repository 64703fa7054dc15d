package samples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Values that change inside a child while the list, the map and the holder stay the same objects. */
public class NestedChanges {
  static final class Counter {
    int count;
  }

  public static void main(String[] args) {
    List<int[]> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(new int[] {i, i * i});
    }
    rows.get(1)[0] = 7;
    Map<String, Counter> counters = new HashMap<>();
    counters.put("a", new Counter());
    counters.get("a").count++;
    counters.get("a").count++;
    System.out.println(rows.get(1)[0] + " " + counters.get("a").count);
  }
}
