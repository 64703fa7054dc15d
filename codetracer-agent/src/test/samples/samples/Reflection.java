package samples;

import java.lang.reflect.Method;

public class Reflection {
  public static int triple(int x) {
    return 3 * x;
  }

  public static void main(String[] args) throws Exception {
    Method method = Reflection.class.getMethod("triple", int.class);
    Object result = method.invoke(null, 14);
    System.out.println("triple = " + result);
    System.out.println("java.util: " + reachInto());
    System.out.println("jdk.internal.misc: " + reachUnsafe());
  }

  /** What the JDK's encapsulation allows a program on the class path, the recorder's module. */
  static String reachInto() {
    try {
      java.util.ArrayList.class.getDeclaredField("size").setAccessible(true);
      return "open";
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "closed (" + e.getClass().getSimpleName() + ")";
    }
  }

  static String reachUnsafe() {
    try {
      Class.forName("jdk.internal.misc.Unsafe").getMethod("getUnsafe").invoke(null);
      return "exported";
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "not exported (" + e.getClass().getSimpleName() + ")";
    }
  }
}
