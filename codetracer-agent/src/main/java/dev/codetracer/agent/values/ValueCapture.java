package dev.codetracer.agent.values;

import dev.codetracer.agent.AgentOptions;
import dev.codetracer.core.jvm.RawEvents;
import dev.codetracer.core.jvm.ValueEncoder;
import dev.codetracer.core.jvm.WellKnownTypes;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads values without running the program's code: fields are read directly, JDK collections
 * through their internals, never {@code toString}, {@code equals}, {@code hashCode} or an
 * iterator. Immutable values (strings, boxes, enums, classes) are kept as they are and encoded
 * later by the writer thread; anything mutable is encoded at once, on the recording thread, since
 * it may change before the writer sees it. Whatever cannot be read becomes a marker value; no
 * exception ever reaches the program.
 */
public final class ValueCapture {
  private static final int NODE_BUDGET = 2000;

  private enum Kind {
    NULL, STRING, BOX, ENUM, CLASS, ARRAY, COLLECTION, BUILDER, TEXT, OPAQUE, STRUCT,
    /** A record of values that cannot change: kept as it is, encoded by the writer thread. */
    LEAF_RECORD
  }

  /** JDK value classes, all final, whose {@code toString} is their value and runs only JDK code. */
  private static final Set<String> TEXT_CLASSES =
      Set.of(
          "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID", "java.net.URI",
          "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime", "java.time.Instant",
          "java.time.Duration", "java.time.Period", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
          "java.time.ZoneOffset", "java.util.regex.Pattern", "sun.nio.fs.UnixPath", "java.io.File",
          "java.lang.Thread", "java.util.Locale", "java.nio.charset.Charset");

  private static final ClassValue<Kind> KINDS =
      new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
          return kindOf(type);
        }
      };

  private final int maxDepth;
  private final int maxString;
  private final int maxElements;
  private final Pattern redact;
  private final ClassValue<Layout> layouts;
  private final ValueEncoder scratch = new ValueEncoder(1 << 12);
  /** The objects being written, outermost first: a value among them is a cycle. */
  private final Object[] path;
  private int pathSize;
  private final Elements[] elementsByDepth;
  private int budget;

  public ValueCapture(AgentOptions options) {
    this(options.depth(), options.maxString(), options.maxElements(), options.redact(), null);
  }

  private ValueCapture(int maxDepth, int maxString, int maxElements, Pattern redact, ClassValue<Layout> layouts) {
    this.maxDepth = maxDepth;
    this.maxString = maxString;
    this.maxElements = maxElements;
    this.redact = redact;
    this.elementsByDepth = new Elements[maxDepth + 2];
    this.path = new Object[maxDepth + 2];
    this.layouts = layouts != null ? layouts :
        new ClassValue<>() {
          @Override
          protected Layout computeValue(Class<?> type) {
            return Layout.of(type, redact);
          }
        };
  }

  /** A capture for the writer thread (its own scratch state, the same layouts). */
  public ValueCapture forWriterThread() {
    return new ValueCapture(maxDepth, maxString, maxElements, redact, layouts);
  }

  private static Kind kindOf(Class<?> type) {
    if (type == String.class) {
      return Kind.STRING;
    }
    if (type == Integer.class || type == Long.class || type == Boolean.class || type == Character.class
        || type == Short.class || type == Byte.class || type == Float.class || type == Double.class) {
      return Kind.BOX;
    }
    if (type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
      return Kind.ENUM;
    }
    if (type == Class.class) {
      return Kind.CLASS;
    }
    if (type.isArray()) {
      return Kind.ARRAY;
    }
    if (type.isHidden() || Proxy.isProxyClass(type)) {
      return Kind.OPAQUE;
    }
    if (type == StringBuilder.class || type == StringBuffer.class) {
      return Kind.BUILDER;
    }
    if (TEXT_CLASSES.contains(type.getName())) {
      return Kind.TEXT;
    }
    if (JdkCollections.readerFor(type) != null) {
      return Kind.COLLECTION;
    }
    if (type.isRecord() && Fingerprint.isLeafType(type)) {
      return Kind.LEAF_RECORD;
    }
    return Kind.STRUCT;
  }

  /** What {@link #refresh} returns for a value equal to the variable's last one. */
  public static final Object SAME = new Object();

  private static final int CACHED_DEPTHS = 64;
  private static final int CACHED_SLOTS = 32;

  /**
   * The last encoded snapshot of each variable, by call depth and slot, so that a re-snapshot
   * that finds nothing changed is logged as {@link #SAME}. Every encoded value of a variable
   * passes through here (immutable ones clear the entry); a refresh concerns a variable in scope,
   * whose slot no other variable can have written since its own last value.
   */
  private final byte[][][] lastSnapshot = new byte[CACHED_DEPTHS][][];
  private final Fingerprint[][] fingerprints = new Fingerprint[CACHED_DEPTHS][];

  /** Captures a variable's new value (a store, an argument) and remembers it for refreshes. */
  public Object capture(Object value, int depth, int slot) {
    Object kept = capture(value);
    byte[][] row = row(depth, slot);
    if (row != null) {
      boolean encoded = kept instanceof byte[];
      row[slot] = encoded ? (byte[]) kept : null;
      fingerprints[depth][slot] = encoded ? fingerprint(value) : null;
    }
    return kept;
  }

  /**
   * Re-captures a variable after code that may have changed it: {@link #SAME} when it did not,
   * found cheaply from its {@link Fingerprint} when it has one, else by encoding it again and
   * comparing the bytes.
   */
  public Object refresh(Object value, int depth, int slot) {
    if (value == null || isImmutable(value)) {
      return capture(value, depth, slot);
    }
    byte[][] row = row(depth, slot);
    if (row == null) {
      encode(value);
      return scratch.toByteArray();
    }
    Fingerprint print = fingerprints[depth][slot];
    if (row[slot] != null && print != null && print.isOf(value)) {
      if (unchanged(value, print)) {
        return SAME;
      }
      byte[] grown = grown(value, print);
      if (grown != null) {
        row[slot] = KNOWN_BY_FINGERPRINT;
        fingerprints[depth][slot] = fingerprint(value);
        return grown;
      }
    }
    encode(value);
    byte[] last = row[slot];
    if (last != null && java.util.Arrays.equals(last, 0, last.length, scratch.array(), 0, scratch.size())) {
      fingerprints[depth][slot] = fingerprint(value);
      return SAME;
    }
    byte[] encoded = scratch.toByteArray();
    row[slot] = encoded;
    fingerprints[depth][slot] = fingerprint(value);
    return encoded;
  }

  /** Marks a variable whose last value was logged as grown, not whole: only its fingerprint is known. */
  private static final byte[] KNOWN_BY_FINGERPRINT = new byte[0];

  /**
   * A list or StringBuilder that only grew at the end since its last snapshot: the encoded
   * growth ({@link ValueEncoder#APPEND}), or null when it changed otherwise.
   */
  private byte[] grown(Object value, Fingerprint print) {
    try {
      Class<?> type = value.getClass();
      Kind kind = KINDS.get(type);
      if (kind == Kind.BUILDER) {
        byte[] last = print.textBytes();
        byte[] bytes = (byte[]) BUILDER_VALUE.get(value);
        int count = BUILDER_COUNT.getInt(value);
        int kept = last.length - 1;
        if (last[kept] != 0 || BUILDER_CODER.getByte(value) != 0 || count <= print.length()
            || !java.util.Arrays.equals(bytes, 0, kept, last, 0, kept)) {
          return null;
        }
        int nowKept = Math.min(Math.min(count, maxString), bytes.length);
        scratch.reset();
        scratch.latin1Append(kept, count, bytes, kept, nowKept);
        return scratch.toByteArray();
      }
      if (kind != Kind.COLLECTION || JdkCollections.isMap(type) || print.childArray() == null) {
        return null;
      }
      Object[] last = print.childArray();
      Elements elements = reusableElements(1);
      elements.reset(false);
      try {
        int total = JdkCollections.readerFor(type).read(value, elements);
        if (total <= print.length() || elements.count < last.length) {
          return null;
        }
        for (int i = 0; i < last.length; i++) {
          if (elements.items[i] != last[i]) {
            return null;
          }
        }
        int added = elements.count - last.length;
        scratch.reset();
        budget = NODE_BUDGET;
        scratch.startAppend(last.length, total, added);
        path[pathSize++] = value;
        for (int i = last.length; i < elements.count; i++) {
          write(elements.items[i], 2, scratch);
        }
        return scratch.toByteArray();
      } finally {
        java.util.Arrays.fill(path, 0, pathSize, null);
        pathSize = 0;
        elements.reset(false);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Whether a value still matches the fingerprint of its last snapshot (false when unsure). */
  private boolean unchanged(Object value, Fingerprint print) {
    try {
      Class<?> type = value.getClass();
      switch (KINDS.get(type)) {
        case ARRAY: {
          int length = java.lang.reflect.Array.getLength(value);
          return type.getComponentType().isPrimitive()
              ? print.samePrimitives(value, length)
              : print.sameArray((Object[]) value, length);
        }
        case COLLECTION: {
          Elements elements = reusableElements(1);
          elements.reset(JdkCollections.isMap(type));
          int total = JdkCollections.readerFor(type).read(value, elements);
          boolean same = print.sameChildren(total, elements.items, elements.count);
          elements.reset(false);
          return same;
        }
        case BUILDER: {
          byte[] bytes = (byte[]) BUILDER_VALUE.get(value);
          byte coder = BUILDER_CODER.getByte(value);
          int count = BUILDER_COUNT.getInt(value);
          int kept = Math.min(bytes.length, (coder == 0 ? 1 : 2) * Math.min(count, maxString));
          return print.sameText(count, coder, bytes, kept);
        }
        case STRUCT: {
          if (!print.isStruct()) {
            return false;
          }
          Layout layout = layouts.get(type);
          long[] primitives = print.structPrimitives();
          Object[] references = print.structReferences();
          for (int i = 0; i < layout.fields.length; i++) {
            Field field = layout.fields[i];
            if (field == null || layout.redacted[i]) {
              continue;
            }
            if (layout.kinds[i] == RawEvents.K_REF) {
              if (field.get(value) != references[i]) {
                return false;
              }
            } else if (Fingerprint.bits(field, value, layout.kinds[i]) != primitives[i]) {
              return false;
            }
          }
          return true;
        }
        default:
          return false;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** The fingerprint of a value just snapshotted, or null when it cannot have one. */
  private Fingerprint fingerprint(Object value) {
    if (maxDepth < 1) {
      return null;
    }
    try {
      Class<?> type = value.getClass();
      switch (KINDS.get(type)) {
        case ARRAY: {
          int length = java.lang.reflect.Array.getLength(value);
          int shown = Math.min(length, maxElements);
          return type.getComponentType().isPrimitive()
              ? Fingerprint.ofPrimitiveArray(value, length, shown)
              : Fingerprint.ofChildren(value, length, (Object[]) value, shown);
        }
        case COLLECTION: {
          Elements elements = reusableElements(1);
          elements.reset(JdkCollections.isMap(type));
          int total = JdkCollections.readerFor(type).read(value, elements);
          Fingerprint print = Fingerprint.ofChildren(value, total, elements.items, elements.count);
          elements.reset(false);
          return print;
        }
        case BUILDER: {
          byte[] bytes = (byte[]) BUILDER_VALUE.get(value);
          byte coder = BUILDER_CODER.getByte(value);
          int count = BUILDER_COUNT.getInt(value);
          int kept = Math.min(bytes.length, (coder == 0 ? 1 : 2) * Math.min(count, maxString));
          return Fingerprint.ofText(value, count, coder, bytes, kept);
        }
        case STRUCT: {
          Layout layout = layouts.get(type);
          long[] primitives = new long[layout.fields.length];
          Object[] references = new Object[layout.fields.length];
          for (int i = 0; i < layout.fields.length; i++) {
            Field field = layout.fields[i];
            if (field == null || layout.redacted[i]) {
              continue;
            }
            if (layout.kinds[i] == RawEvents.K_REF) {
              references[i] = field.get(value);
            } else {
              primitives[i] = Fingerprint.bits(field, value, layout.kinds[i]);
            }
          }
          return Fingerprint.ofStruct(value, primitives, references);
        }
        default:
          return null;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private Elements reusableElements(int depth) {
    Elements elements = elementsByDepth[depth];
    if (elements == null) {
      elements = new Elements(maxElements);
      elementsByDepth[depth] = elements;
    }
    return elements;
  }

  private byte[][] row(int depth, int slot) {
    if (depth < 0 || depth >= CACHED_DEPTHS || slot >= CACHED_SLOTS) {
      return null;
    }
    byte[][] row = lastSnapshot[depth];
    if (row == null) {
      row = new byte[CACHED_SLOTS][];
      lastSnapshot[depth] = row;
      fingerprints[depth] = new Fingerprint[CACHED_SLOTS];
    }
    return row;
  }

  private static boolean isImmutable(Object value) {
    Kind kind = KINDS.get(value.getClass());
    return kind == Kind.STRING || kind == Kind.BOX || kind == Kind.ENUM || kind == Kind.CLASS || kind == Kind.LEAF_RECORD;
  }

  /**
   * Captures {@code this} in its constructor: a record whose fields are still being assigned is
   * not yet immutable, so it is snapshotted now.
   */
  public Object captureConstructing(Object value, int depth, int slot) {
    encode(value);
    byte[] encoded = scratch.toByteArray();
    byte[][] row = row(depth, slot);
    if (row != null) {
      row[slot] = encoded;
      fingerprints[depth][slot] = null;
    }
    return encoded;
  }

  /** Re-captures {@code this} in its constructor (see {@link #captureConstructing}). */
  public Object refreshConstructing(Object value, int depth, int slot) {
    encode(value);
    byte[][] row = row(depth, slot);
    if (row != null) {
      byte[] last = row[slot];
      if (last != null && java.util.Arrays.equals(last, 0, last.length, scratch.array(), 0, scratch.size())) {
        return SAME;
      }
      byte[] encoded = scratch.toByteArray();
      row[slot] = encoded;
      return encoded;
    }
    return scratch.toByteArray();
  }

  /** Forgets the remembered snapshots (a new recording). */
  public void reset() {
    java.util.Arrays.fill(lastSnapshot, null);
    java.util.Arrays.fill(fingerprints, null);
  }

  /**
   * What to keep for a reference value: the value itself when it cannot change, else its
   * snapshot, encoded.
   */
  public Object capture(Object value) {
    if (value == null) {
      return null;
    }
    if (isImmutable(value)) {
      return value;
    }
    encode(value);
    return scratch.toByteArray();
  }

  /** Encodes a snapshot of a mutable value into the scratch encoder. */
  private void encode(Object value) {
    scratch.reset();
    budget = NODE_BUDGET;
    try {
      write(value, 1, scratch);
    } catch (Throwable e) {
      scratch.reset();
      scratch.error("<unreadable: " + e.getClass().getSimpleName() + ">");
    }
    java.util.Arrays.fill(path, 0, pathSize, null);
    pathSize = 0;
  }

  /** The value of a method left by an exception: its class and message, read from its fields. */
  public byte[] exception(Throwable exception) {
    scratch.reset();
    scratch.error(describe(exception));
    return scratch.toByteArray();
  }

  /** Encodes, on the writer thread, what {@link #capture} kept. */
  public void encodeKept(Object kept, ValueEncoder out) {
    if (kept instanceof byte[] encoded) {
      out.append(encoded, 0, encoded.length);
      return;
    }
    try {
      if (kept != null && KINDS.get(kept.getClass()) == Kind.LEAF_RECORD) {
        budget = NODE_BUDGET;
        write(kept, 1, out);
        java.util.Arrays.fill(path, 0, pathSize, null);
        pathSize = 0;
      } else {
        writeImmutable(kept, out);
      }
    } catch (Throwable e) {
      out.error("<unreadable: " + e.getClass().getSimpleName() + ">");
    }
  }

  private void writeImmutable(Object value, ValueEncoder out) {
    if (value == null) {
      out.nullValue();
    } else if (value instanceof String s) {
      out.string(s, maxString);
    } else if (value instanceof Integer i) {
      out.intValue(WellKnownTypes.INTEGER_BOX, i);
    } else if (value instanceof Long l) {
      out.intValue(WellKnownTypes.LONG_BOX, l);
    } else if (value instanceof Boolean b) {
      out.boolValue(WellKnownTypes.BOOLEAN_BOX, b);
    } else if (value instanceof Character c) {
      out.charValue(WellKnownTypes.CHARACTER_BOX, c);
    } else if (value instanceof Short s) {
      out.intValue(WellKnownTypes.SHORT_BOX, s);
    } else if (value instanceof Byte b) {
      out.intValue(WellKnownTypes.BYTE_BOX, b);
    } else if (value instanceof Float f) {
      out.floatValue(WellKnownTypes.FLOAT_BOX, f);
    } else if (value instanceof Double d) {
      out.floatValue(WellKnownTypes.DOUBLE_BOX, d);
    } else if (value instanceof Enum<?> e) {
      out.enumValue(TypeNames.id(e.getDeclaringClass()), e.name());
    } else if (value instanceof Class<?> c) {
      out.raw(TypeNames.id(Class.class), TypeNames.readable(c));
    } else {
      out.error("<unexpected " + value.getClass().getName() + ">");
    }
  }

  private void write(Object value, int depth, ValueEncoder out) throws ReflectiveOperationException {
    if (value == null) {
      out.nullValue();
      return;
    }
    Class<?> type = value.getClass();
    Kind kind = KINDS.get(type);
    switch (kind) {
      case STRING:
      case BOX:
      case ENUM:
      case CLASS:
        writeImmutable(value, out);
        return;
      case OPAQUE:
        out.raw(TypeNames.id(type), TypeNames.readable(type));
        return;
      case TEXT:
        out.raw(TypeNames.id(type), value.toString());
        return;
      case BUILDER:
        writeBuilder((CharSequence) value, out);
        return;
      default:
        break;
    }
    for (int i = 0; i < pathSize; i++) {
      if (path[i] == value) {
        out.cycle(TypeNames.id(type));
        return;
      }
    }
    if (depth > maxDepth || --budget < 0 || pathSize == path.length) {
      out.elided(TypeNames.id(type));
      return;
    }
    path[pathSize++] = value;
    try {
      if (kind == Kind.ARRAY) {
        writeArray(value, type, depth, out);
      } else if (kind == Kind.COLLECTION) {
        writeCollection(value, type, depth, out);
      } else {
        writeStruct(value, type, depth, out);
      }
    } finally {
      path[--pathSize] = null;
    }
  }

  private void writeArray(Object array, Class<?> type, int depth, ValueEncoder out) throws ReflectiveOperationException {
    int typeId = TypeNames.id(type);
    int length = java.lang.reflect.Array.getLength(array);
    int shown = Math.min(length, maxElements);
    out.startSequence(typeId, length, shown);
    Class<?> component = type.getComponentType();
    if (!component.isPrimitive()) {
      Object[] objects = (Object[]) array;
      for (int i = 0; i < shown; i++) {
        write(objects[i], depth + 1, out);
      }
    } else if (component == int.class) {
      int[] a = (int[]) array;
      for (int i = 0; i < shown; i++) {
        out.intValue(WellKnownTypes.INT, a[i]);
      }
    } else if (component == long.class) {
      long[] a = (long[]) array;
      for (int i = 0; i < shown; i++) {
        out.intValue(WellKnownTypes.LONG, a[i]);
      }
    } else if (component == double.class) {
      double[] a = (double[]) array;
      for (int i = 0; i < shown; i++) {
        out.floatValue(WellKnownTypes.DOUBLE, a[i]);
      }
    } else if (component == float.class) {
      float[] a = (float[]) array;
      for (int i = 0; i < shown; i++) {
        out.floatValue(WellKnownTypes.FLOAT, a[i]);
      }
    } else if (component == boolean.class) {
      boolean[] a = (boolean[]) array;
      for (int i = 0; i < shown; i++) {
        out.boolValue(WellKnownTypes.BOOLEAN, a[i]);
      }
    } else if (component == char.class) {
      char[] a = (char[]) array;
      for (int i = 0; i < shown; i++) {
        out.charValue(WellKnownTypes.CHAR, a[i]);
      }
    } else if (component == byte.class) {
      byte[] a = (byte[]) array;
      for (int i = 0; i < shown; i++) {
        out.intValue(WellKnownTypes.BYTE, a[i]);
      }
    } else {
      short[] a = (short[]) array;
      for (int i = 0; i < shown; i++) {
        out.intValue(WellKnownTypes.SHORT, a[i]);
      }
    }
  }

  private void writeCollection(Object collection, Class<?> type, int depth, ValueEncoder out)
      throws ReflectiveOperationException {
    Elements elements = elementsByDepth[Math.min(depth, elementsByDepth.length - 1)];
    if (elements == null || depth >= elementsByDepth.length - 1) {
      elements = new Elements(maxElements);
      if (depth < elementsByDepth.length - 1) {
        elementsByDepth[depth] = elements;
      }
    }
    boolean map = JdkCollections.isMap(type);
    elements.reset(map);
    int total = JdkCollections.readerFor(type).read(collection, elements);
    int shown = elements.shown();
    int typeId = TypeNames.id(type);
    if (map) {
      out.startMap(typeId, Math.max(total, shown), shown);
    } else {
      out.startSequence(typeId, Math.max(total, shown), shown);
    }
    Object[] items = elements.items;
    int count = elements.count;
    for (int i = 0; i < count; i++) {
      write(items[i], depth + 1, out);
    }
    elements.reset(map);
  }

  private void writeStruct(Object object, Class<?> type, int depth, ValueEncoder out) throws ReflectiveOperationException {
    Layout layout = layouts.get(type);
    out.startStruct(layout.id);
    Field[] fields = layout.fields;
    for (int i = 0; i < fields.length; i++) {
      Field field = fields[i];
      if (layout.redacted[i]) {
        out.error("<redacted>");
      } else if (field == null) {
        out.error("<unreadable>");
      } else {
        writeField(object, field, layout.kinds[i], depth, out);
      }
    }
  }

  private void writeField(Object object, Field field, int kind, int depth, ValueEncoder out) throws ReflectiveOperationException {
    switch (kind) {
      case RawEvents.K_INT:
        out.intValue(WellKnownTypes.INT, field.getInt(object));
        break;
      case RawEvents.K_LONG:
        out.intValue(WellKnownTypes.LONG, field.getLong(object));
        break;
      case RawEvents.K_BOOLEAN:
        out.boolValue(WellKnownTypes.BOOLEAN, field.getBoolean(object));
        break;
      case RawEvents.K_CHAR:
        out.charValue(WellKnownTypes.CHAR, field.getChar(object));
        break;
      case RawEvents.K_SHORT:
        out.intValue(WellKnownTypes.SHORT, field.getShort(object));
        break;
      case RawEvents.K_BYTE:
        out.intValue(WellKnownTypes.BYTE, field.getByte(object));
        break;
      case RawEvents.K_FLOAT:
        out.floatValue(WellKnownTypes.FLOAT, field.getFloat(object));
        break;
      case RawEvents.K_DOUBLE:
        out.floatValue(WellKnownTypes.DOUBLE, field.getDouble(object));
        break;
      default:
        write(field.get(object), depth + 1, out);
    }
  }

  private static final Field BUILDER_VALUE = builderField("value");
  private static final Field BUILDER_CODER = builderField("coder");
  private static final Field BUILDER_COUNT = builderField("count");

  private static Field builderField(String name) {
    try {
      Field field = Class.forName("java.lang.AbstractStringBuilder").getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** A StringBuilder's text, read from its array (its methods are JDK code, but reading is cheaper). */
  private void writeBuilder(CharSequence builder, ValueEncoder out) throws ReflectiveOperationException {
    if (BUILDER_VALUE == null || BUILDER_CODER == null || BUILDER_COUNT == null) {
      out.error("<unreadable>");
      return;
    }
    byte[] value = (byte[]) BUILDER_VALUE.get(builder);
    byte coder = BUILDER_CODER.getByte(builder);
    int count = BUILDER_COUNT.getInt(builder);
    int keep = Math.min(count, maxString);
    if (coder == 0) {
      out.latin1Prefix(value, Math.min(keep, value.length), count);
      return;
    }
    int chars = Math.min(keep, value.length / 2);
    char[] decoded = new char[chars];
    boolean big = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;
    for (int i = 0; i < chars; i++) {
      int hi = value[2 * i + (big ? 0 : 1)] & 0xFF;
      int lo = value[2 * i + (big ? 1 : 0)] & 0xFF;
      decoded[i] = (char) (hi << 8 | lo);
    }
    out.stringPrefix(new String(decoded), count);
  }

  private static final Field DETAIL_MESSAGE = throwableMessage();

  private static Field throwableMessage() {
    try {
      Field field = Throwable.class.getDeclaredField("detailMessage");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** {@code java.lang.IllegalStateException: boom}, without calling the exception's methods. */
  private static String describe(Throwable exception) {
    String name = exception.getClass().getName();
    try {
      Object message = DETAIL_MESSAGE == null ? null : DETAIL_MESSAGE.get(exception);
      return message == null ? name : name + ": " + message;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return name;
    }
  }
}
