package samples;

/** Halts the JVM from inside nested calls: Runtime.halt runs no shutdown hook, not even the program's. */
public class DeepHalt {
  static void a(int code) {
    b(code + 1);
  }

  static void b(int code) {
    c(code + 1);
  }

  static void c(int code) {
    System.out.println("halting with " + code);
    Runtime.getRuntime().halt(code);
  }

  public static void main(String[] args) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("never printed: a halt runs no hook")));
    a(args.length > 0 ? Integer.parseInt(args[0]) : 1);
    System.out.println("never printed");
  }
}
