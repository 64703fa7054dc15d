package samples;

/** Recorded with only Work included: main, not recorded, catches what Work throws and goes on. */
public class CaughtOutside {
  static class Work {
    static int fail(int x) {
      throw new IllegalStateException("no " + x);
    }

    static int twice(int x) {
      return 2 * x;
    }
  }

  public static void main(String[] args) {
    try {
      Work.fail(1);
    } catch (IllegalStateException e) {
      System.out.println("caught " + e.getMessage());
    }
    System.out.println(Work.twice(2));
  }
}
