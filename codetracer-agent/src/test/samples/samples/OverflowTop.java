package samples;

/**
 * Recurses, with an array to read in every frame, until the stack overflows, catches the error
 * and says in whose code it was raised: the package of its top frame's class. With "uncaught" it
 * lets the error end the program.
 */
public class OverflowTop {
  static int down(int[] deepest, int n) {
    deepest[0] = n;
    return down(deepest, n + 1) + 1;
  }

  public static void main(String[] args) {
    int[] deepest = new int[1];
    if (args.length > 0 && args[0].equals("uncaught")) {
      down(deepest, 0);
    }
    try {
      down(deepest, 0);
    } catch (StackOverflowError e) {
      String top = e.getStackTrace()[0].getClassName();
      System.out.println("overflowed in " + top.substring(0, top.lastIndexOf('.')));
    }
  }
}
