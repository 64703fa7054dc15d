package samples;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The key set, values and entry set of a map, held in variables while the map changes. */
public class MapViews {
  public static void main(String[] args) {
    Map<String, Integer> counts = new HashMap<>();
    counts.put("a", 1);
    Set<String> keys = counts.keySet();
    Collection<Integer> values = counts.values();
    Set<Map.Entry<String, Integer>> entries = counts.entrySet();
    counts.put("b", 2);
    Set<String> sorted = new TreeMap<>(counts).descendingMap().keySet();
    Collection<Integer> treeValues = new TreeMap<>(counts).values();
    System.out.println(keys + " " + values + " " + entries + " " + sorted + " " + treeValues);
  }
}
