package dev.codetracer.junit;

import java.util.List;
import org.junit.jupiter.api.RepetitionInfo;
import java.util.StringJoiner;

/**
 * Renders the arguments of a parameterized invocation for {@code test_parameters} without running
 * test code: JDK values as text, everything else by its type (a user's {@code toString} could
 * fail or change state).
 */
final class ArgumentRenderer {
  static final int MAX_STRING = 60;

  private ArgumentRenderer() {}

  /**
   * A test template invocation's arguments; one that takes none (a {@code @RepeatedTest} without
   * {@code RepetitionInfo}) by its display name ({@code (repetition 2 of 3)}).
   */
  static String render(List<Object> arguments, String displayName) {
    return arguments.isEmpty() ? "(" + displayName + ")" : render(arguments);
  }

  static String render(List<Object> arguments) {
    StringJoiner joined = new StringJoiner(", ", "(", ")");
    for (Object argument : arguments) {
      joined.add(render(argument));
    }
    return joined.toString();
  }

  static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence && value.getClass().getName().startsWith("java.")) {
      String text = value.toString();
      return "\"" + (text.length() > MAX_STRING ? text.substring(0, MAX_STRING) + "..." : text) + "\"";
    }
    if (value instanceof Character) {
      return "'" + value + "'";
    }
    if (value instanceof RepetitionInfo repetition) {
      return "repetition " + repetition.getCurrentRepetition() + " of " + repetition.getTotalRepetitions();
    }
    if (value instanceof Enum<?>) {
      return ((Enum<?>) value).name();
    }
    if (isJdkValue(value.getClass())) {
      return value.toString();
    }
    if (value.getClass().isArray()) {
      return value.getClass().getComponentType().getSimpleName() + "[" + java.lang.reflect.Array.getLength(value) + "]";
    }
    return value.getClass().getSimpleName();
  }

  /** JDK value types whose {@code toString} is their value and runs no user code. */
  private static boolean isJdkValue(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.lang.") && (Number.class.isAssignableFrom(type) || type == Boolean.class)
        || name.startsWith("java.math.")
        || name.startsWith("java.time.")
        || type == java.util.UUID.class
        || type == java.io.File.class
        || name.startsWith("sun.nio.fs.") || name.startsWith("java.nio.file.");
  }
}
