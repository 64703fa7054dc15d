package samples;

/** Straight runs of lines cut short by exceptions: each line must show exactly as far as it got. */
public class RunExceptions {
  static int[] cells = new int[3];
  int count;

  static int divide(int a, int b) {
    int before = a + 1;
    int quotient = a / b;
    int after = quotient + before;
    return after;
  }

  static int store(int index) {
    int first = index * 2;
    cells[index] = first;
    int second = first + 1;
    cells[index] = second;
    return second;
  }

  static int field(RunExceptions target) {
    int seen = 1;
    target.count = seen;
    seen = seen + target.count;
    return seen;
  }

  static int caughtHere(int b) {
    int total = 0;
    try {
      total = total + 1;
      int q = 10 / b;
      total = total + q;
      total = total * 2;
    } catch (ArithmeticException e) {
      total = -total;
    }
    return total;
  }

  static int caughtInFinally(int b) {
    int state = 1;
    try {
      state = 2;
      state = state + 10 / b;
      state = 4;
    } finally {
      state = state * 10;
      System.out.println("finally " + state);
    }
    return state;
  }

  static String noLine(String s) {
    String result = "start";
    try {
      result = s.trim(); int n = result.length(); result = result + n;
    } catch (NullPointerException e) { result = "npe"; }
    return result;
  }

  public static void main(String[] args) {
    System.out.println(divide(7, 2));
    try {
      System.out.println(divide(7, 0));
    } catch (ArithmeticException e) {
      System.out.println("divide: " + e.getMessage());
    }
    System.out.println(store(1));
    try {
      store(5);
    } catch (ArrayIndexOutOfBoundsException e) {
      System.out.println("store: out of bounds");
    }
    System.out.println(field(new RunExceptions()));
    try {
      field(null);
    } catch (NullPointerException e) {
      System.out.println("field: null");
    }
    System.out.println(caughtHere(5) + " " + caughtHere(0));
    System.out.println(caughtInFinally(5));
    try {
      caughtInFinally(0);
    } catch (ArithmeticException e) {
      System.out.println("finally rethrown");
    }
    System.out.println(noLine(" ab ") + " " + noLine(null));
    int a = 1;
    int b = a + 1;
    int c = b + a;
    System.out.println(a + b + c);
  }
}
