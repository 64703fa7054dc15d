package dev.codetracer.core.jvm;

/**
 * The agent's change log: one {@code long} per event, two for a {@code long}/{@code double}
 * value. The top four bits are the tag; a step is tag 0, so a step event is its probe id and the
 * hot path stores it as is.
 *
 * <pre>
 * STEP    0     | probe id
 * CALL    1     | method id            (followed by the VALUEs of the arguments)
 * RETURN  2     | method id            (preceded by a VALUE in RETURN_SLOT, unless void)
 * THROW   3     | method id            (preceded by a VALUE in RETURN_SLOT: the exception)
 * VALUE   4 kind:4 | slot:16 (bits 32-47) | 32-bit payload   (LONG/DOUBLE: payload in the next long;
 *                                                             REF: the value is the next entry of
 *                                                             the chunk's value stream)
 * OUTPUT  5     | stream (1 stdout, 2 stderr): the bytes are the next entry of the value stream
 * ELEMENT 6     | slot:16 (bits 32-47) | index:32   (followed by a VALUE in ELEMENT_SLOT: the
 *                                                   element stored into the array that local holds)
 * LOOP    7     | loop id              (followed by a long: how many visits of the loop's probes ran,
 *                                       which stand for as many steps: RawDefinition.Loop)
 * </pre>
 */
public final class RawEvents {
  public static final int STEP = 0;
  public static final int CALL = 1;
  public static final int RETURN = 2;
  public static final int THROW = 3;
  public static final int VALUE = 4;
  public static final int OUTPUT = 5;
  public static final int ELEMENT = 6;
  public static final int LOOP = 7;

  public static final int K_INT = 0;
  public static final int K_BOOLEAN = 1;
  public static final int K_CHAR = 2;
  public static final int K_SHORT = 3;
  public static final int K_BYTE = 4;
  public static final int K_FLOAT = 5;
  public static final int K_LONG = 6;
  public static final int K_DOUBLE = 7;
  public static final int K_REF = 8;
  /** A re-snapshot found the variable's value unchanged since its last value: no payload. */
  public static final int K_SAME = 9;

  /** The slot of a return value or of the exception that left a method. */
  public static final int RETURN_SLOT = 0xFFFF;

  /** The slot of the value of an ELEMENT event. */
  public static final int ELEMENT_SLOT = 0xFFFE;

  public static final int STDOUT = 1;
  public static final int STDERR = 2;

  private static final long TAG_CALL = (long) CALL << 60;
  private static final long TAG_RETURN = (long) RETURN << 60;
  private static final long TAG_THROW = (long) THROW << 60;
  private static final long TAG_VALUE = (long) VALUE << 60;
  private static final long TAG_OUTPUT = (long) OUTPUT << 60;
  private static final long TAG_ELEMENT = (long) ELEMENT << 60;
  private static final long TAG_LOOP = (long) LOOP << 60;

  private RawEvents() {}

  /** The int an instrumented value probe passes: its kind and slot, packed once at instrumentation. */
  public static int valueMeta(int kind, int slot) {
    return kind << 24 | (slot & 0xFFFF);
  }

  public static long value(int meta, int payload) {
    return TAG_VALUE | (long) meta << 32 | (payload & 0xFFFF_FFFFL);
  }

  public static long call(int methodId) {
    return TAG_CALL | methodId;
  }

  public static long ret(int methodId) {
    return TAG_RETURN | methodId;
  }

  public static long thrown(int methodId) {
    return TAG_THROW | methodId;
  }

  /** A counted loop left; the visits of its probes follow in the next long. */
  public static long loop(int loopId) {
    return TAG_LOOP | loopId;
  }

  public static long output(int stream) {
    return TAG_OUTPUT | stream;
  }

  /** An array element store through local {@code slot}; the value follows. */
  public static long element(int slot, int index) {
    return TAG_ELEMENT | (long) (slot & 0xFFFF) << 32 | (index & 0xFFFF_FFFFL);
  }

  public static int tag(long event) {
    return (int) (event >>> 60);
  }

  /** The probe id of a STEP, the method id of a CALL/RETURN/THROW, the stream of an OUTPUT, the loop of a LOOP. */
  public static int id(long event) {
    return (int) event;
  }

  public static int kind(long valueEvent) {
    return (int) (valueEvent >>> 56) & 0xF;
  }

  public static int slot(long valueEvent) {
    return (int) (valueEvent >>> 32) & 0xFFFF;
  }

  public static int payload(long valueEvent) {
    return (int) valueEvent;
  }

  /** True for value kinds whose payload is the next long. */
  public static boolean isWide(int kind) {
    return kind == K_LONG || kind == K_DOUBLE;
  }

  /** The value kind of a field or variable descriptor. */
  public static int kindOf(String descriptor) {
    switch (descriptor.charAt(0)) {
      case 'Z':
        return K_BOOLEAN;
      case 'C':
        return K_CHAR;
      case 'S':
        return K_SHORT;
      case 'B':
        return K_BYTE;
      case 'I':
        return K_INT;
      case 'F':
        return K_FLOAT;
      case 'J':
        return K_LONG;
      case 'D':
        return K_DOUBLE;
      default:
        return K_REF;
    }
  }
}
