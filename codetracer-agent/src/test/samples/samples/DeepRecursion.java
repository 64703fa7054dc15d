package samples;

/** A recursion 8,000 levels deep: it fits a default stack, recorded as unrecorded. */
public class DeepRecursion {
  static long sumTo(int n) {
    return n == 0 ? 0 : n + sumTo(n - 1);
  }

  public static void main(String[] args) {
    int depth = args.length > 0 ? Integer.parseInt(args[0]) : 8_000;
    System.out.println("sum to " + depth + " = " + sumTo(depth));
  }
}
