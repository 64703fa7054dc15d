package dev.codetracer.core.jvm;

/** Java type descriptors as people write types. */
public final class Descriptors {
  private Descriptors() {}

  /** {@code (I[Ljava/lang/String;)J} and {@code sum} give {@code long sum(int, String[])}. */
  public static String signature(String methodName, String descriptor) {
    int close = descriptor.indexOf(')');
    StringBuilder params = new StringBuilder();
    int i = 1;
    while (i < close) {
      int end = end(descriptor, i);
      if (params.length() > 0) {
        params.append(", ");
      }
      params.append(typeName(descriptor.substring(i, end)));
      i = end;
    }
    return typeName(descriptor.substring(close + 1)) + " " + methodName + "(" + params + ")";
  }

  /** {@code [Ljava/util/List;} gives {@code List[]}; {@code I} gives {@code int}. */
  public static String typeName(String descriptor) {
    int dims = 0;
    while (descriptor.charAt(dims) == '[') {
      dims++;
    }
    String base;
    switch (descriptor.charAt(dims)) {
      case 'Z': base = "boolean"; break;
      case 'C': base = "char"; break;
      case 'B': base = "byte"; break;
      case 'S': base = "short"; break;
      case 'I': base = "int"; break;
      case 'F': base = "float"; break;
      case 'J': base = "long"; break;
      case 'D': base = "double"; break;
      case 'V': base = "void"; break;
      default:
        String internal = descriptor.substring(dims + 1, descriptor.length() - 1);
        base = ClassNames.readable(internal.substring(internal.lastIndexOf('/') + 1));
    }
    return base + "[]".repeat(dims);
  }

  private static int end(String descriptor, int start) {
    int i = start;
    while (descriptor.charAt(i) == '[') {
      i++;
    }
    return descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
  }
}
