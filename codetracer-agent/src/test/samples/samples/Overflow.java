package samples;

/** Recurses until the stack overflows, catches it, and goes on: recording must not change that. */
public class Overflow {
  static int depth;

  static int down(int n) {
    depth = n;
    return down(n + 1) + 1;
  }

  public static void main(String[] args) {
    try {
      down(0);
    } catch (StackOverflowError e) {
      System.out.println("overflowed deep down: " + (depth > 1000));
    }
    System.out.println("and went on");
  }
}
