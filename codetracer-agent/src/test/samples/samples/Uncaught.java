package samples;

public class Uncaught {
  static void check(int value) {
    if (value > 2) {
      throw new IllegalArgumentException("too big: " + value);
    }
  }

  public static void main(String[] args) {
    for (int i = 0; i < 5; i++) {
      System.out.println("checking " + i);
      check(i);
    }
  }
}
