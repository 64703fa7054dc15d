package dev.codetracer.agent.values;

/**
 * The JDK fields the value reader uses directly: a StringBuilder's array, coder and count, an
 * exception's message (an exception's {@code getMessage} may be the program's code). Null when
 * they cannot be read ({@link FieldReader#of}).
 */
final class JdkInternals {
  static final FieldReader BUILDER_VALUE = field("java.lang.AbstractStringBuilder", "value");
  static final FieldReader BUILDER_CODER = field("java.lang.AbstractStringBuilder", "coder");
  static final FieldReader BUILDER_COUNT = field("java.lang.AbstractStringBuilder", "count");
  static final FieldReader DETAIL_MESSAGE = field("java.lang.Throwable", "detailMessage");

  private JdkInternals() {}

  static boolean hasBuilderFields() {
    return BUILDER_VALUE != null && BUILDER_CODER != null && BUILDER_COUNT != null;
  }

  private static FieldReader field(String className, String name) {
    try {
      return FieldReader.of(Class.forName(className).getDeclaredField(name));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * {@code java.lang.IllegalStateException: boom}, without running the program's code: the JDK's
   * own exceptions are asked for their message, the program's are read from their field. Asking
   * also spares reflection on the path a {@code StackOverflowError} takes out of every frame:
   * reflection's first uses of a field set up classes, which with no stack left fails.
   */
  static String describe(Throwable exception) {
    Class<?> type = exception.getClass();
    String name = type.getName();
    try {
      Object message = isJdkClass(type) ? exception.getMessage() : DETAIL_MESSAGE == null ? null : DETAIL_MESSAGE.get(exception);
      return message == null ? name : name + ": " + message;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return name;
    }
  }

  private static boolean isJdkClass(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }
}
