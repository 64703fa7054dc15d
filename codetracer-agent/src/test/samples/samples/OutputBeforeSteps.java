package samples;

/** Recorded with only Work included: main, not recorded, writes before Work's first line runs. */
public class OutputBeforeSteps {
  static class Work {
    static int twice(int x) {
      return 2 * x;
    }
  }

  public static void main(String[] args) {
    System.out.println("before");
    System.err.println("warning before");
    System.out.println(Work.twice(2));
  }
}
