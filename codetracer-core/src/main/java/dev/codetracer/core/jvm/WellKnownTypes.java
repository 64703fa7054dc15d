package dev.codetracer.core.jvm;

import java.util.List;

/**
 * Type names with fixed ids, known to agent and expander without a definition. Ids from {@link
 * #FIRST_DYNAMIC_ID} on are defined in the change log.
 */
public final class WellKnownTypes {
  public static final int INT = 0;
  public static final int BOOLEAN = 1;
  public static final int CHAR = 2;
  public static final int SHORT = 3;
  public static final int BYTE = 4;
  public static final int FLOAT = 5;
  public static final int LONG = 6;
  public static final int DOUBLE = 7;
  public static final int INTEGER_BOX = 8;
  public static final int BOOLEAN_BOX = 9;
  public static final int CHARACTER_BOX = 10;
  public static final int SHORT_BOX = 11;
  public static final int BYTE_BOX = 12;
  public static final int FLOAT_BOX = 13;
  public static final int LONG_BOX = 14;
  public static final int DOUBLE_BOX = 15;
  public static final int STRING = 16;
  public static final int OBJECT = 17;

  public static final int FIRST_DYNAMIC_ID = 64;

  /** Indexed by id; primitive kinds ({@link RawEvents#K_INT}...) use the same numbers. */
  public static final List<String> NAMES =
      List.of(
          "int", "boolean", "char", "short", "byte", "float", "long", "double",
          "Integer", "Boolean", "Character", "Short", "Byte", "Float", "Long", "Double",
          "String", "Object");

  private WellKnownTypes() {}

  /** The type of a primitive value kind ({@link RawEvents#K_INT} ... {@link RawEvents#K_DOUBLE}). */
  public static int ofPrimitiveKind(int kind) {
    return kind;
  }
}
