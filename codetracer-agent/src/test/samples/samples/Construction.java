package samples;

/**
 * Lines that start with {@code new} and branch inside the constructor's arguments: the stack map
 * frames at the branches name the object under construction by its NEW instruction, which the
 * line's step probe must not separate from its label.
 */
public class Construction {
  static final class Pair {
    final String left;
    final int right;

    Pair(String left, int right) {
      this.left = left;
      this.right = right;
    }
  }

  static Pair make(boolean flag, int n) {
    return new Pair(flag ? "yes" : "no", n > 2 ? n * 2 : n);
  }

  public static void main(String[] args) {
    Pair a = make(true, 3);
    Pair b = make(false, 1);
    new StringBuilder(args.length > 0 ? args[0] : "none").append('!');
    System.out.println(new StringBuilder(a.left.length() > 2 ? a.left : "short").append(b.right));
  }
}
