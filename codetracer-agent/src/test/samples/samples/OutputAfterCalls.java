package samples;

import java.util.ArrayList;
import java.util.List;

/** Output written on a line after a recorded call made on that line returned. */
public class OutputAfterCalls {
  static int twice(int x) {
    int r = x * 2;
    return r;
  }

  record Point(int x, int y) {
    @Override
    public String toString() {
      return "(" + x + ", " + y + ")";
    }
  }

  public static void main(String[] args) {
    int total = 0;
    for (int i = 1; i <= 2; i++) total += twice(i);
    System.out.println("total " + total + " last " + twice(5));
    Point p = new Point(1, 2);
    System.out.printf("point %s%n", p);
    List<Integer> numbers = new ArrayList<>(List.of(3, 1, 2));
    numbers.sort((a, b) -> Integer.compare(a, b)); System.out.println(numbers);
    System.out.println("done");
  }
}
