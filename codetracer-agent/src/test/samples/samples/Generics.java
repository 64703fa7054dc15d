package samples;

import java.util.ArrayList;
import java.util.List;

public class Generics {
  static class Box<T> {
    private final T value;

    Box(T value) {
      this.value = value;
    }

    <R> Box<R> map(java.util.function.Function<T, R> f) {
      return new Box<>(f.apply(value));
    }

    T get() {
      return value;
    }
  }

  static <T extends Comparable<T>> T max(List<T> items) {
    T best = items.get(0);
    for (T item : items) {
      if (item.compareTo(best) > 0) {
        best = item;
      }
    }
    return best;
  }

  public static void main(String[] args) {
    List<Integer> numbers = new ArrayList<>();
    numbers.add(3);
    numbers.add(9);
    numbers.add(4);
    Integer biggest = max(numbers);
    Box<String> box = new Box<>(41).map(n -> "n=" + (n + 1));
    System.out.println(biggest + " " + box.get());
  }
}
