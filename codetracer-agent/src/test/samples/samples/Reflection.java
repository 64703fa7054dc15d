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
  }
}
