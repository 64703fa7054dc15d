package samples;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Map entries of the JDK's maps, held in variables while iterating, and one changed in place. */
public class MapEntries {
  public static void main(String[] args) {
    Map<String, Integer> sorted = new TreeMap<>(Map.of("b", 2, "a", 1, "c", 3));
    int total = 0;
    for (Map.Entry<String, Integer> entry : sorted.entrySet()) {
      total += entry.getValue();
    }
    for (Map.Entry<String, Integer> entry : new HashMap<>(sorted).entrySet()) {
      total += entry.getKey().length();
    }
    for (Map.Entry<String, Integer> entry : new ConcurrentHashMap<>(sorted).entrySet()) {
      total += entry.getValue();
    }
    Map.Entry<String, Integer> first = sorted.entrySet().iterator().next();
    first.setValue(10);
    Map.Entry<String, Integer> pair = Map.entry("x", 9);
    System.out.println(total + " " + first + " " + pair);
  }
}
