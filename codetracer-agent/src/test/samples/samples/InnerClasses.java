package samples;

import java.util.Comparator;

public class InnerClasses {
  private int base = 10;

  class Adder {
    int add(int x) {
      return base + x;
    }
  }

  static class Counter {
    private int count;

    void increment() {
      count++;
    }
  }

  int run() {
    Adder adder = new Adder();
    Counter counter = new Counter();
    counter.increment();
    counter.increment();
    Comparator<String> byLength = new Comparator<String>() {
      @Override
      public int compare(String a, String b) {
        return Integer.compare(a.length(), b.length());
      }
    };
    int order = byLength.compare("aa", "b");
    return adder.add(counter.count) + order;
  }

  public static void main(String[] args) {
    System.out.println(new InnerClasses().run());
  }
}
