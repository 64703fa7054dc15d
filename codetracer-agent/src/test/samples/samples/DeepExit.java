package samples;

public class DeepExit {
  static void a(int code) {
    b(code + 1);
  }

  static void b(int code) {
    c(code + 1);
  }

  static void c(int code) {
    System.out.println("exiting with " + code);
    System.exit(code);
  }

  public static void main(String[] args) {
    a(1);
    System.out.println("never printed");
  }
}
