package samples;

/**
 * Ends with Runtime.halt called through reflection: the call is the JDK's, not recorded code, so no
 * probe sees it, and no shutdown hook runs: the recorder cannot write what it holds.
 */
public class Halt {
  public static void main(String[] args) throws Exception {
    int total = 0;
    for (int i = 0; i < 10; i++) {
      total += i;
    }
    System.out.println(total);
    Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), 7);
  }
}
