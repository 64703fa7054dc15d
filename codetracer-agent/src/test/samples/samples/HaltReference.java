package samples;

import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;

/** Halts through method references to Runtime.halt, called in a class the JVM generates, not in recorded code. */
public class HaltReference {
  public static void main(String[] args) {
    IntConsumer bound = Runtime.getRuntime()::halt;
    ObjIntConsumer<Runtime> unbound = Runtime::halt;
    int code = 5;
    System.out.println("halting with " + code);
    if (args.length > 0) {
      unbound.accept(Runtime.getRuntime(), code + 1);
    }
    bound.accept(code);
  }
}
