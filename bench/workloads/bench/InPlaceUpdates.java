package bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workload (c): collections a loop keeps updating in place, as tests that count, group or score
 * do: a 40-entry map counted with {@code merge}, a 40-element list rewritten with {@code set}.
 * Runs in rounds: see {@link Rounds}.
 */
public class InPlaceUpdates {
  static Map<String, Integer> count(String[] words) {
    Map<String, Integer> counts = new HashMap<>();
    for (String word : words) {
      counts.merge(word, 1, Integer::sum);
    }
    return counts;
  }

  static List<Integer> scores(int updates) {
    List<Integer> scores = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      scores.add(i);
    }
    for (int i = 0; i < updates; i++) {
      scores.set(i % 40, i);
    }
    return scores;
  }

  static long suite(String[] words) {
    return count(words).size() + scores(words.length).size();
  }

  public static void main(String[] args) {
    int length = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    String[] vocabulary = new String[40];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = "w" + i;
    }
    String[] words = new String[length];
    for (int i = 0; i < words.length; i++) {
      words[i] = vocabulary[(i * 7) % vocabulary.length];
    }
    Rounds.run(rounds, () -> suite(words));
  }
}
