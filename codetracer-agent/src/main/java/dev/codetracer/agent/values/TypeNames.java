package dev.codetracer.agent.values;

import dev.codetracer.agent.runtime.Definitions;
import dev.codetracer.core.jvm.ClassNames;

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
      name = name.substring(name.lastIndexOf('.') + 1);
    }
    return ClassNames.readable(name);
  }
}
