package samples;

public class Exceptions {
  static int parse(String text) {
    return Integer.parseInt(text);
  }

  static int safeParse(String text) {
    try {
      return parse(text);
    } catch (NumberFormatException e) {
      return -1;
    } finally {
      System.out.println("parsed " + text);
    }
  }

  static void fail(int depth) {
    if (depth == 0) {
      throw new IllegalStateException("deep failure");
    }
    fail(depth - 1);
  }

  public static void main(String[] args) {
    int good = safeParse("42");
    int bad = safeParse("x");
    try {
      fail(2);
    } catch (IllegalStateException e) {
      System.out.println("caught " + e.getMessage());
      RuntimeException wrapped = new RuntimeException("while failing", e);
      System.out.println("wrapped " + wrapped.getMessage());
    }
    System.out.println(good + bad);
  }
}
