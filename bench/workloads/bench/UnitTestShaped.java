package bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Workload (b): shaped like a unit-test suite. Many small "tests", each parsing some text,
 * filling collections, building strings and checking the result, with most of the time spent in
 * the JDK. Runs in rounds: see {@link Rounds}.
 */
public class UnitTestShaped {
  record Order(String customer, String item, int quantity, int cents) {
    int total() {
      return quantity * cents;
    }
  }

  static List<Order> parseOrders(String csv) {
    List<Order> orders = new ArrayList<>();
    for (String line : csv.split("\n")) {
      String[] cells = line.split(",");
      orders.add(new Order(cells[0].trim(), cells[1].trim(), Integer.parseInt(cells[2].trim()), Integer.parseInt(cells[3].trim())));
    }
    return orders;
  }

  static Map<String, Integer> totalsByCustomer(List<Order> orders) {
    Map<String, Integer> totals = new HashMap<>();
    for (Order order : orders) {
      totals.merge(order.customer(), order.total(), Integer::sum);
    }
    return totals;
  }

  static String report(Map<String, Integer> totals) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Integer> entry : new TreeMap<>(totals).entrySet()) {
      text.append(entry.getKey()).append(": ").append(entry.getValue() / 100).append('.')
          .append(String.format("%02d", entry.getValue() % 100)).append('\n');
    }
    return text.toString();
  }

  static String csv(int seed, int lines) {
    StringBuilder csv = new StringBuilder();
    String[] customers = {"ada", "grace", "linus", "barbara", "ken"};
    String[] items = {"apple", "pear", "plum", "fig"};
    for (int i = 0; i < lines; i++) {
      csv.append(customers[(seed + i) % customers.length]).append(", ")
          .append(items[(seed * 7 + i) % items.length]).append(", ")
          .append(1 + (seed + i) % 9).append(", ")
          .append(50 + (seed * 13 + i * 31) % 450).append('\n');
    }
    return csv.toString();
  }

  static boolean check(boolean condition) {
    if (!condition) {
      throw new AssertionError("check failed");
    }
    return true;
  }

  static int testParsing(int seed) {
    List<Order> orders = parseOrders(csv(seed, 40));
    int passed = 0;
    if (check(orders.size() == 40)) {
      passed++;
    }
    if (check(orders.get(0).quantity() >= 1)) {
      passed++;
    }
    return passed;
  }

  static int testTotals(int seed) {
    Map<String, Integer> totals = totalsByCustomer(parseOrders(csv(seed, 60)));
    int sum = 0;
    for (int value : totals.values()) {
      sum += value;
    }
    return check(sum > 0 && totals.size() == 5) ? 1 : 0;
  }

  static int testReport(int seed) {
    String text = report(totalsByCustomer(parseOrders(csv(seed, 30))));
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    Collections.sort(lines);
    return check(lines.size() == 5 && lines.get(0).startsWith("ada")) ? 1 : 0;
  }

  static long suite(int tests) {
    int passed = 0;
    for (int seed = 0; seed < tests; seed++) {
      passed += testParsing(seed);
      passed += testTotals(seed);
      passed += testReport(seed);
    }
    return passed;
  }

  public static void main(String[] args) {
    int tests = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Rounds.run(rounds, () -> suite(tests));
  }
}
