package samples;

/** An uncaught exception whose class overrides getMessage, which the JVM calls to print it. */
public class UncaughtLoud {
  static class Loud extends RuntimeException {
    @Override
    public String getMessage() {
      System.out.println("asked");
      return "loud";
    }
  }

  public static void main(String[] args) {
    int before = 1;
    System.out.println("before " + before);
    throw new Loud();
  }
}
