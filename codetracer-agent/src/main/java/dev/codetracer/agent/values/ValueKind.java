package dev.codetracer.agent.values;

import java.lang.reflect.Proxy;
import java.util.Set;

/** How a class's instances are recorded, decided once per class. */
enum ValueKind {
  STRING, BOX, ENUM, CLASS, ARRAY, COLLECTION, MAP, BUILDER, TEXT, OPAQUE, STRUCT,
  /** A record of values that cannot change: kept as it is, encoded by the writer thread. */
  LEAF_RECORD;

  /** JDK value classes, all final, whose {@code toString} is their value and runs only JDK code. */
  static final Set<String> TEXT_CLASSES =
      Set.of(
          "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID", "java.net.URI",
          "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime", "java.time.Instant",
          "java.time.Duration", "java.time.Period", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
          "java.time.ZoneOffset", "java.util.regex.Pattern", "sun.nio.fs.UnixPath", "java.io.File",
          "java.lang.Thread", "java.util.Locale", "java.nio.charset.Charset");

  private static final ClassValue<ValueKind> KINDS =
      new ClassValue<>() {
        @Override
        protected ValueKind computeValue(Class<?> type) {
          return kindOf(type);
        }
      };

  static ValueKind of(Class<?> type) {
    // the commonest values, answered before the ClassValue lookup
    if (type == String.class) {
      return STRING;
    }
    if (type == Integer.class) {
      return BOX;
    }
    return KINDS.get(type);
  }

  /**
   * How this value is recorded: as its class's instances are, but a JDK wrapper around a
   * collection that cannot be read (the program's subclass of one) is a struct of its fields, as
   * that collection is, not a collection that seems empty.
   */
  static ValueKind ofValue(Object value) throws ReflectiveOperationException {
    ValueKind kind = of(value.getClass());
    return (kind == COLLECTION || kind == MAP) && !JdkCollections.canRead(value) ? STRUCT : kind;
  }

  /** Values that cannot change: kept by reference, encoded later by the writer thread. */
  boolean isImmutable() {
    return this == STRING || this == BOX || this == ENUM || this == CLASS || this == LEAF_RECORD;
  }

  private static ValueKind kindOf(Class<?> type) {
    if (type == String.class) {
      return ValueKind.STRING;
    }
    if (type == Integer.class || type == Long.class || type == Boolean.class || type == Character.class
        || type == Short.class || type == Byte.class || type == Float.class || type == Double.class) {
      return ValueKind.BOX;
    }
    if (type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
      return ValueKind.ENUM;
    }
    if (type == Class.class) {
      return ValueKind.CLASS;
    }
    if (type.isArray()) {
      return ValueKind.ARRAY;
    }
    if (type.isHidden() || Proxy.isProxyClass(type)) {
      return ValueKind.OPAQUE;
    }
    if (type == StringBuilder.class || type == StringBuffer.class) {
      return ValueKind.BUILDER;
    }
    if (TEXT_CLASSES.contains(type.getName())) {
      return ValueKind.TEXT;
    }
    if (JdkCollections.readerFor(type) != null) {
      return JdkCollections.isMap(type) ? ValueKind.MAP : ValueKind.COLLECTION;
    }
    if (type.isRecord() && Fingerprint.isLeafType(type)) {
      return ValueKind.LEAF_RECORD;
    }
    return ValueKind.STRUCT;
  }
}
