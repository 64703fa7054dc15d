package samples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random edits of a list, a map and a StringBuilder, each round followed by lines that
 * print what the program sees: a recording must show the same values at those lines.
 */
public class RandomEdits {
  public static void main(String[] args) {
    Random random = new Random(Long.parseLong(args[0]));
    List<Integer> list = new ArrayList<>(List.of(1));
    Map<Integer, Integer> map = new HashMap<>();
    StringBuilder text = new StringBuilder();
    for (int round = 0; round < 500; round++) {
      switch (random.nextInt(10)) {
        case 0 -> list.add(random.nextInt(100));
        case 1 -> list.add(random.nextInt(list.size() + 1), random.nextInt(100));
        case 2 -> list.set(random.nextInt(list.size()), random.nextInt(100));
        case 3 -> list.remove(random.nextInt(list.size()));
        case 4 -> list.addAll(list.size() > 40 ? List.of() : List.of(random.nextInt(100), 7, 8));
        case 5 -> list.add(list.get(0));
        case 6 -> map.merge(random.nextInt(12), 1, Integer::sum);
        case 7 -> map.remove(random.nextInt(12));
        case 8 -> text.append(random.nextInt(1000)).append(text.length() > 30 ? "" : "-");
        default -> edit(random, list, text);
      }
      if (list.isEmpty()) {
        list.add(round);
      }
      System.out.println(list);
      System.out.println(map);
      System.out.println(text);
    }
  }

  /** Edits made in a method of the program's own, seen by the caller after the call. */
  static void edit(Random random, List<Integer> list, StringBuilder text) {
    if (random.nextBoolean()) {
      Collections.shuffle(list, random);
    } else if (list.size() > 30) {
      list.subList(0, 20).clear();
    }
    if (text.length() > 24) {
      text.setLength(random.nextInt(text.length()));
    } else {
      text.insert(0, random.nextInt(10));
    }
  }
}
