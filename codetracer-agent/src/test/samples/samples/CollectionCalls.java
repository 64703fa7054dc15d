package samples;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Calls on collections that change their receiver only, seen through the other variables that show it, and calls that change more. */
public class CollectionCalls {
  static final class Holder {
    final List<String> items;

    Holder(List<String> items) {
      this.items = items;
    }
  }

  /** The program's own list: adding to it also counts. */
  static final class CountingList extends AbstractList<String> {
    final int[] counter;
    final List<String> inner = new ArrayList<>();

    CountingList(int[] counter) {
      this.counter = counter;
    }

    @Override
    public boolean add(String element) {
      counter[0]++;
      return inner.add(element);
    }

    @Override
    public String get(int index) {
      return inner.get(index);
    }

    @Override
    public int size() {
      return inner.size();
    }
  }

  public static void main(String[] args) {
    List<String> names = new ArrayList<>();
    List<String> alias = names;
    Holder holder = new Holder(names);
    int[] untouched = {1, 2};
    names.add("a");
    names.add("b");
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> sameCounts = counts;
    counts.merge("x", 1, Integer::sum);
    counts.merge("x", 1, Integer::sum);
    int[] counter = {0};
    List<String> own = new CountingList(counter);
    own.add("z");
    own.add("w");
    Iterator<String> it = names.iterator();
    String first = it.next();
    String second = it.next();
    Map<String, Integer> byLength = new TreeMap<>(Comparator.comparing(s -> {
      counter[0] += 10;
      return s.length();
    }));
    byLength.put("abc", 3);
    byLength.put("de", 2);
    Map<String, Integer> recent = new LinkedHashMap<>(4, 0.75f, true);
    recent.put("p", 1);
    recent.put("q", 2);
    recent.get("p");
    System.out.println(alias + " " + holder.items + " " + sameCounts + " " + counter[0] + " " + first + second + " " + untouched[0]
        + " " + byLength + " " + recent + " " + own.size());
  }
}
