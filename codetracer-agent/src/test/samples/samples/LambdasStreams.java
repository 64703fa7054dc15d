package samples;

import java.util.List;
import java.util.function.IntBinaryOperator;
import java.util.stream.Collectors;

public class LambdasStreams {
  public static void main(String[] args) {
    List<String> words = List.of("alpha", "beta", "gamma", "delta");
    int minimum = 5;
    List<String> longWords = words.stream()
        .filter(w -> w.length() >= minimum)
        .map(w -> w.toUpperCase())
        .collect(Collectors.toList());
    IntBinaryOperator add = (a, b) -> a + b;
    int total = add.applyAsInt(3, 4);
    Runnable hello = () -> System.out.println("hello from a lambda");
    hello.run();
    System.out.println(longWords + " " + total);
  }
}
