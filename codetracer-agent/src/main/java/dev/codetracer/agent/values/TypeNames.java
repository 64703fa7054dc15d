package dev.codetracer.agent.values;

import dev.codetracer.agent.runtime.Definitions;

/** The readable type name of a class, and its id in the change log, computed once per class. */
final class TypeNames {
  private static final ClassValue<Integer> IDS =
      new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
          return Definitions.get().typeName(readable(type));
        }
      };

  private TypeNames() {}

  static int id(Class<?> type) {
    return IDS.get(type);
  }

  /** {@code ArrayList}, {@code int[]}, {@code com.acme.Order.Line}; lambdas as {@code lambda}. */
  static String readable(Class<?> type) {
    if (type.isArray()) {
      return readable(type.getComponentType()) + "[]";
    }
    if (type.isHidden()) {
      return type.getName().contains("$$Lambda") ? "lambda" : "hidden";
    }
    String name = type.getName();
    if (name.startsWith("java.lang.") || name.startsWith("java.util.")) {
      String rest = name.substring(name.lastIndexOf('.') + 1);
      return rest.replace('$', '.');
    }
    return readableClassName(name);
  }

  /** Nested classes with dots; anonymous and local classes keep their {@code $1}. */
  static String readableClassName(String binaryName) {
    StringBuilder out = new StringBuilder(binaryName.length());
    for (int i = 0; i < binaryName.length(); i++) {
      char c = binaryName.charAt(i);
      boolean nested = c == '$' && i > 0 && i + 1 < binaryName.length() && !Character.isDigit(binaryName.charAt(i + 1))
          && binaryName.charAt(i - 1) != '$' && binaryName.charAt(i + 1) != '$';
      out.append(nested ? '.' : c);
    }
    return out.toString();
  }
}
