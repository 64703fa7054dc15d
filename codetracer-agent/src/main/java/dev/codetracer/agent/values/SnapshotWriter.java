package dev.codetracer.agent.values;

import dev.codetracer.core.jvm.RawEvents;
import dev.codetracer.core.jvm.ValueEncoder;
import dev.codetracer.core.jvm.WellKnownTypes;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Encodes an object graph as it is now: arrays, JDK collections (through their fields), string
 * builders, structs of fields, to the configured depth, cutting long strings and sequences,
 * marking cycles; a graph of more than {@value #NODE_BUDGET} objects is cut too. One per thread:
 * it keeps its scratch state between values.
 */
final class SnapshotWriter {
  static final int NODE_BUDGET = 2000;

  private final int maxDepth;
  private final int maxString;
  private final int maxElements;
  private final ClassValue<Layout> layouts;
  /** The objects being written, outermost first: a value among them is a cycle. */
  private final Object[] path;
  private int pathSize;
  private final Elements[] elementsByDepth;
  private int budget;

  SnapshotWriter(int maxDepth, int maxString, int maxElements, ClassValue<Layout> layouts) {
    this.maxDepth = maxDepth;
    this.maxString = maxString;
    this.maxElements = maxElements;
    this.layouts = layouts;
    this.elementsByDepth = new Elements[maxDepth + 2];
    this.path = new Object[maxDepth + 2];
  }

  static ClassValue<Layout> layouts(Pattern redact) {
    return new ClassValue<>() {
      @Override
      protected Layout computeValue(Class<?> type) {
        return Layout.of(type, redact);
      }
    };
  }

  /** A writer for another thread: its own scratch state, the same layouts. */
  SnapshotWriter copy() {
    return new SnapshotWriter(maxDepth, maxString, maxElements, layouts);
  }

  int maxString() {
    return maxString;
  }

  int maxElements() {
    return maxElements;
  }

  int maxDepth() {
    return maxDepth;
  }

  Layout layout(Class<?> type) {
    return layouts.get(type);
  }

  /** Writes a snapshot of a value; whatever cannot be read becomes a marker, never an exception. */
  void snapshot(Object value, ValueEncoder out) {
    int mark = out.size();
    budget = NODE_BUDGET;
    try {
      write(value, 1, out);
    } catch (Throwable e) {
      unreadableFrom(mark, e, out);
    }
    clearPath();
  }

  /** Writes the elements {@code from..to} added to a collection, as they would be inside it. */
  void addedElements(Object collection, Object[] items, int from, int to, ValueEncoder out)
      throws ReflectiveOperationException {
    budget = NODE_BUDGET;
    path[pathSize++] = collection;
    try {
      for (int i = from; i < to; i++) {
        write(items[i], 2, out);
      }
    } finally {
      clearPath();
    }
  }

  /** Writes a change kept with its new elements ({@link KeptChange}), exactly as {@link #addedElements} would have. */
  void writeKept(KeptChange change, ValueEncoder out) {
    int mark = out.size();
    change.start.writeTo(out);
    budget = NODE_BUDGET;
    try {
      for (Object item : change.added) {
        write(item, 2, out);
      }
    } catch (Throwable e) {
      unreadableFrom(mark, e, out);
    }
    clearPath();
  }

  /**
   * Writes a collection kept as a copy of its elements ({@link KeptElements}), exactly as {@link
   * #snapshot} wrote the collection when the copy was made.
   */
  void writeKept(KeptElements kept, ValueEncoder out) {
    int mark = out.size();
    budget = NODE_BUDGET - 1;
    try {
      int shown = kept.map ? kept.items.length / 2 : kept.items.length;
      int typeId = TypeNames.id(kept.type);
      if (kept.map) {
        out.startMap(typeId, Math.max(kept.total, shown), shown);
      } else {
        out.startSequence(typeId, Math.max(kept.total, shown), shown);
      }
      for (Object item : kept.items) {
        write(item, 2, out);
      }
    } catch (Throwable e) {
      unreadableFrom(mark, e, out);
    }
    clearPath();
  }

  /** What was written from {@code mark} on becomes the marker of a value that could not be read. */
  private static void unreadableFrom(int mark, Throwable failure, ValueEncoder out) {
    out.truncate(mark);
    out.error("<unreadable: " + failure.getClass().getSimpleName() + ">");
  }

  private void clearPath() {
    Arrays.fill(path, 0, pathSize, null);
    pathSize = 0;
  }

  /** A reusable buffer for the elements read from a collection at this depth. */
  Elements reusableElements(int depth) {
    Elements elements = elementsByDepth[depth];
    if (elements == null) {
      elements = new Elements(maxElements);
      elementsByDepth[depth] = elements;
    }
    return elements;
  }

  /** Writes a value that cannot change (see {@link ValueKind#isImmutable}). */
  void writeImmutable(Object value, ValueEncoder out) {
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
    ValueKind kind = ValueKind.ofValue(value);
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
      if (kind == ValueKind.ARRAY) {
        writeArray(value, type, depth, out);
      } else if (kind == ValueKind.COLLECTION || kind == ValueKind.MAP) {
        writeCollection(value, type, kind == ValueKind.MAP, depth, out);
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

  private void writeCollection(Object collection, Class<?> type, boolean map, int depth, ValueEncoder out)
      throws ReflectiveOperationException {
    Elements elements = elementsByDepth[Math.min(depth, elementsByDepth.length - 1)];
    if (elements == null || depth >= elementsByDepth.length - 1) {
      elements = new Elements(maxElements);
      if (depth < elementsByDepth.length - 1) {
        elementsByDepth[depth] = elements;
      }
    }
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
    FieldReader[] fields = layout.fields;
    for (int i = 0; i < fields.length; i++) {
      FieldReader field = fields[i];
      if (layout.redacted[i]) {
        out.error("<redacted>");
      } else if (field == null) {
        out.error("<unreadable>");
      } else {
        writeField(object, field, layout.kinds[i], depth, out);
      }
    }
  }

  /** Throwable's {@code cause} holds the exception itself until a cause is set: {@code getCause()} says null then, and so do we. */
  private static boolean isUnsetCause(FieldReader field) {
    return field.declaringClass() == Throwable.class;
  }

  private void writeField(Object object, FieldReader field, int kind, int depth, ValueEncoder out) throws ReflectiveOperationException {
    if (kind == RawEvents.K_REF) {
      Object reference = field.get(object);
      write(reference == object && isUnsetCause(field) ? null : reference, depth + 1, out);
      return;
    }
    long bits = field.bits(object, kind);
    switch (kind) {
      case RawEvents.K_INT:
        out.intValue(WellKnownTypes.INT, (int) bits);
        break;
      case RawEvents.K_LONG:
        out.intValue(WellKnownTypes.LONG, bits);
        break;
      case RawEvents.K_BOOLEAN:
        out.boolValue(WellKnownTypes.BOOLEAN, bits != 0);
        break;
      case RawEvents.K_CHAR:
        out.charValue(WellKnownTypes.CHAR, (char) bits);
        break;
      case RawEvents.K_SHORT:
        out.intValue(WellKnownTypes.SHORT, (short) bits);
        break;
      case RawEvents.K_BYTE:
        out.intValue(WellKnownTypes.BYTE, (byte) bits);
        break;
      case RawEvents.K_FLOAT:
        out.floatValue(WellKnownTypes.FLOAT, Float.intBitsToFloat((int) bits));
        break;
      default:
        out.floatValue(WellKnownTypes.DOUBLE, Double.longBitsToDouble(bits));
    }
  }

  /** A StringBuilder's text, read from its array (its methods are JDK code, but reading is cheaper). */
  private void writeBuilder(CharSequence builder, ValueEncoder out) throws ReflectiveOperationException {
    if (!JdkInternals.hasBuilderFields()) {
      out.error("<unreadable>");
      return;
    }
    byte[] value = (byte[]) JdkInternals.BUILDER_VALUE.get(builder);
    byte coder = JdkInternals.BUILDER_CODER.getByte(builder);
    int count = JdkInternals.BUILDER_COUNT.getInt(builder);
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
    // cut before a pair the limit would split, as a String is cut
    int shown = chars < count && chars > 0 && Character.isHighSurrogate(decoded[chars - 1]) ? chars - 1 : chars;
    out.stringPrefix(new String(decoded, 0, shown), count);
  }
}
