package samples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class Values {
  static class Node {
    String label;
    Node next;
    int[] weights = {1, 2};

    Node(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      throw new AssertionError("the recorder must never call toString");
    }

    @Override
    public int hashCode() {
      throw new AssertionError("the recorder must never call hashCode");
    }
  }

  static class Account {
    String owner = "ada";
    String password = "hunter2";
    String apiKey = "k-123";
  }

  public static void main(String[] args) {
    List<String> names = new ArrayList<>();
    names.add("ada");
    names.add("grace");
    Map<String, Integer> ages = new LinkedHashMap<>();
    ages.put("ada", 36);
    ages.put("grace", 85);
    Map<String, Integer> sorted = new TreeMap<>(ages);
    Map<Integer, String> hashed = new HashMap<>();
    hashed.put(1, "one");
    int[] numbers = new int[500];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = i;
    }
    String longText = "x".repeat(5000);
    Node first = new Node("first");
    Node second = new Node("second");
    first.next = second;
    second.next = first;
    StringBuilder builder = new StringBuilder();
    builder.append("built").append(42);
    String password = "secret-value";
    Account account = new Account();
    List<Integer> empty = List.of();
    System.out.println(names.size() + ages.size() + sorted.size() + hashed.size() + numbers.length
        + longText.length() + builder.length() + password.length() + account.owner + empty.size());
  }
}
