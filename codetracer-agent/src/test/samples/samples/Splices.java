package samples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Lists and maps changed in the middle: set, insert, remove, an entry updated, a key added, a child changed inside. */
public class Splices {
  public static void main(String[] args) {
    List<String> letters = new ArrayList<>(List.of("a", "b", "c", "d"));
    letters.set(1, "B");
    letters.add(2, "x");
    letters.remove(3);
    letters.remove(0);
    Map<String, Integer> counts = new HashMap<>();
    for (String word : "to be or not to be".split(" ")) {
      counts.merge(word, 1, Integer::sum);
    }
    Map<String, Integer> sorted = new TreeMap<>(counts);
    sorted.put("and", 9);
    sorted.remove("or");
    Map<String, int[]> cells = new LinkedHashMap<>();
    cells.put("p", new int[] {1});
    cells.put("q", new int[] {2});
    cells.get("p")[0] = 5;
    cells.put("r", new int[] {3});
    List<Integer> many = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      many.add(i);
    }
    many.set(1, 10);
    many.set(6, 60);
    System.out.println(letters + " " + counts + " " + sorted + " " + cells.get("p")[0] + " " + many);
  }
}
