package dev.codetracer.core.trace;

/** CodeTracer's type kinds, as the numbers its streams carry in {@code Type.kind}. */
public final class TypeKind {
  public static final int SEQ = 0;
  public static final int SET = 1;
  public static final int HASH_SET = 2;
  public static final int ORDERED_SET = 3;
  public static final int ARRAY = 4;
  public static final int VARARGS = 5;
  public static final int STRUCT = 6;
  public static final int INT = 7;
  public static final int FLOAT = 8;
  public static final int STRING = 9;
  public static final int CSTRING = 10;
  public static final int CHAR = 11;
  public static final int BOOL = 12;
  public static final int LITERAL = 13;
  public static final int REF = 14;
  public static final int RECURSION = 15;
  public static final int RAW = 16;
  public static final int ENUM = 17;
  public static final int ENUM16 = 18;
  public static final int ENUM32 = 19;
  public static final int C = 20;
  public static final int TABLE_KIND = 21;
  public static final int UNION = 22;
  public static final int POINTER = 23;
  public static final int ERROR = 24;
  public static final int FUNCTION_KIND = 25;
  public static final int TYPE_VALUE = 26;
  public static final int TUPLE = 27;
  public static final int VARIANT = 28;
  public static final int HTML = 29;
  public static final int NONE = 30;
  public static final int NON_EXPANDED = 31;
  public static final int ANY = 32;
  public static final int SLICE = 33;

  /** The highest kind number CodeTracer defines. */
  public static final int MAX = SLICE;

  private TypeKind() {}
}
