package samples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Arrays and collections of values that cannot change are kept as copies, to be encoded after the steps that show them. */
public class KeptContainers {
  enum Color { RED, GREEN }

  record Point(int x, String label) {}

  static void shout(String[] words) {
    for (int i = 0; i < words.length; i++) {
      words[i] = words[i].toUpperCase();
    }
  }

  static <T> void change(List<T> list, T element) {
    list.set(0, element);
  }

  public static void main(String[] args) {
    String[] words = "a,b,c".split(",");
    shout(words);
    Integer[] counts = {1, 2, null};
    Arrays.fill(counts, 9);
    Color[] colors = {Color.RED};
    Object[] mixed = {"x", new StringBuilder("y")};
    ((StringBuilder) mixed[1]).append('z');
    String[] aliased = words;
    aliased[1] = "q";
    List<Point> points = new ArrayList<>(List.of(new Point(1, "p"), new Point(2, "q")));
    change(points, new Point(3, "r"));
    List<Point> view = Collections.unmodifiableList(points);
    change(points, new Point(4, "s"));
    Map<String, Integer> totals = new TreeMap<>(Map.of("b", 2, "a", 1));
    totals.merge("a", 10, Integer::sum);
    System.out.println(String.join("", words) + Arrays.toString(counts) + colors[0] + mixed[1] + view.get(0).x() + totals);
  }
}
