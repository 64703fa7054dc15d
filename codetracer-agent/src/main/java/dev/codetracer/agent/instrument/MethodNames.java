package dev.codetracer.agent.instrument;

import dev.codetracer.core.jvm.ClassNames;

/**
 * The names CodeTracer shows for methods: {@code pkg.Outer.Inner.method}, constructors as {@code
 * <constructor>}, static initialisers as {@code <static initializer>}, and a lambda body {@code
 * lambda$main$0} as {@code pkg.Main.main.<lambda#0>}. Anonymous and local classes keep javac's
 * {@code $1}.
 */
public final class MethodNames {
  private MethodNames() {}

  public static String readable(String internalClassName, String methodName) {
    return readableClass(internalClassName) + "." + readableMethod(methodName);
  }

  public static String readableClass(String internalClassName) {
    return ClassNames.readable(internalClassName.replace('/', '.'));
  }

  static String readableMethod(String methodName) {
    switch (methodName) {
      case "<init>":
        return "<constructor>";
      case "<clinit>":
        return "<static initializer>";
      default:
        break;
    }
    if (methodName.startsWith("lambda$")) {
      int last = methodName.lastIndexOf('$');
      String enclosing = methodName.substring("lambda$".length(), Math.max("lambda$".length(), last));
      String number = methodName.substring(last + 1);
      if (enclosing.equals("new")) {
        enclosing = "<constructor>";
      } else if (enclosing.equals("static")) {
        enclosing = "<static initializer>";
      }
      return enclosing + ".<lambda#" + number + ">";
    }
    return methodName;
  }
}
