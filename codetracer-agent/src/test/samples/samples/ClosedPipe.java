package samples;

/** Writes lines until its reader goes away, noticed the way Java programs notice it. */
public class ClosedPipe {
  public static void main(String[] args) {
    long lines = 0;
    while (!System.out.checkError()) {
      System.out.println("line " + lines);
      if (++lines > 5_000_000) {
        System.err.println("never noticed that the reader went away");
        System.exit(3);
      }
    }
    System.err.println("the reader went away");
  }
}
