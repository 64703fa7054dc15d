package samples;

import java.util.ArrayList;
import java.util.List;

public class Growth {
  public static void main(String[] args) {
    List<Integer> numbers = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      numbers.add(i);
      text.append((char) ('a' + i)).append((char) ('f' + i));
    }
    numbers.set(0, 42);
    text.setCharAt(0, 'Z');
    System.out.println(numbers + " " + text);
  }
}
