package samples;

/** Ends with Runtime.halt: no shutdown hook runs, so the recorder cannot write what it holds. */
public class Halt {
  public static void main(String[] args) {
    int total = 0;
    for (int i = 0; i < 10; i++) {
      total += i;
    }
    System.out.println(total);
    Runtime.getRuntime().halt(7);
  }
}
