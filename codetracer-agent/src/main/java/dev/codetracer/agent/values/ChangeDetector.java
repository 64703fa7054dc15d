package dev.codetracer.agent.values;

import dev.codetracer.core.jvm.RawEvents;
import dev.codetracer.core.jvm.ValueEncoder;
import java.util.Arrays;

/**
 * Tells, without encoding an object, how it changed since its last snapshot: not at all (its
 * {@link Fingerprint} still matches), only by growing at the end (a list or StringBuilder
 * filled in a loop: then just the growth is encoded), or in one stretch of a list or map (an entry
 * a loop updates: then just that stretch is encoded). Anything else, or any doubt, means a new
 * snapshot ({@link #changeSince}).
 */
final class ChangeDetector {
  /** What {@link #changeSince} answers for a value that still matches its print. */
  static final Object UNCHANGED = new Object();
  /** What {@link #nestedOf} answers when a child cannot have a fingerprint. */
  private static final Fingerprint[] CANNOT = new Fingerprint[0];
  /** What a quicker check answers when the collection must be read whole to tell how it changed. */
  private static final Object READ_WHOLE = new Object();

  private final SnapshotWriter snapshots;
  /** Which new elements may be kept as they are, for the writer thread to encode ({@link KeptChange}). */
  private final KeepPolicy keeping;
  private final ValueEncoder scratch = new ValueEncoder(1 << 10);
  /** Children a fingerprint being made may still look into. */
  private int budget;
  private Fingerprint deltaFingerprint;

  ChangeDetector(SnapshotWriter snapshots, KeepPolicy keeping) {
    this.snapshots = snapshots;
    this.keeping = keeping;
  }

  /**
   * How a value changed since the snapshot {@code print} was made of: {@link #UNCHANGED}; the
   * encoded change of a StringBuilder or list that only grew at the end, or of a list or map
   * changed in one stretch (an entry a loop updates, an element set or inserted: {@link
   * ValueEncoder#APPEND}, {@link ValueEncoder#SPLICE}), or that change kept with its new elements
   * when they cannot change ({@link KeptChange}); or null when it changed otherwise or that
   * cannot be told. After a change, {@link #deltaFingerprint} is the value's new fingerprint,
   * which may be {@code print} itself (a builder's or list's that grew is extended in place). A
   * builder, list or map is read once for all of these questions.
   *
   * @param buildersOnlyGrew a builder can only have grown at its end since the print was made: its
   *     text need not be compared with the print's
   */
  Object changeSince(Object value, Fingerprint print, boolean buildersOnlyGrew) {
    deltaFingerprint = null;
    try {
      ValueKind kind = print.kind();
      if (kind == ValueKind.BUILDER) {
        return builderChange(value, print, buildersOnlyGrew);
      }
      if ((kind == ValueKind.COLLECTION || kind == ValueKind.MAP) && print.childArray() != null) {
        return collectionChange(value, kind == ValueKind.MAP, print);
      }
      return unchanged(value, print, 1) ? UNCHANGED : null;
    } catch (Throwable e) {
      // cannot tell: the value is snapshotted anew, and what cannot be read becomes a marker there
      return null;
    }
  }

  private Object builderChange(Object value, Fingerprint print, boolean onlyGrew) throws ReflectiveOperationException {
    byte[] bytes = (byte[]) JdkInternals.BUILDER_VALUE.get(value);
    byte coder = JdkInternals.BUILDER_CODER.getByte(value);
    int count = JdkInternals.BUILDER_COUNT.getInt(value);
    int nowKept = keptBytes(bytes, coder, count);
    int kept = onlyGrew && coder == 0 ? print.keptLatin1Bytes() : -1;
    if (kept >= 0 && count == print.length()) {
      return UNCHANGED;
    }
    if (kept < 0) {
      if (print.sameText(count, coder, bytes, nowKept)) {
        return UNCHANGED;
      }
      kept = print.keptLatin1Prefix(bytes);
    }
    if (kept < 0 || coder != 0 || count <= print.length()) {
      return null;
    }
    deltaFingerprint = print.grownText(count, bytes, nowKept);
    // encoded by the writer thread, from the print's copy of the text
    return new KeptGrowth(kept, count, print.keptText(), kept, nowKept);
  }

  /**
   * A list or map: unchanged, or, when its shown elements (a map's keys and values, in pairs) kept
   * a prefix and a suffix of the same objects, unchanged inside, the elements between them encoded
   * as a splice, or as an append when only the end grew.
   */
  private Object collectionChange(Object value, boolean map, Fingerprint print) throws ReflectiveOperationException {
    JdkCollections.Reader reader = print.reader();
    if (reader instanceof JdkCollections.ArrayBackedReader list) {
      Object change = arrayListChange(value, list, print);
      if (change != READ_WHOLE) {
        return change;
      }
    }
    Object[] last = print.childArray();
    int lastCount = print.childCount();
    int unit = map ? 2 : 1;
    Elements elements = snapshots.reusableElements(1);
    elements.reset(map);
    try {
      int total = reader.read(value, elements);
      Object[] items = elements.items;
      int count = elements.count;
      if (print.sameChildren(total, items, count)) {
        return nestedUnchanged(items, print, 1) ? UNCHANGED : null;
      }
      int common = Math.min(lastCount, count);
      int prefix = 0;
      while (prefix < common && items[prefix] == last[prefix]) {
        prefix++;
      }
      prefix -= prefix % unit;
      int suffix = 0;
      while (suffix < common - prefix && items[count - 1 - suffix] == last[lastCount - 1 - suffix]) {
        suffix++;
      }
      suffix -= suffix % unit;
      if ((prefix == 0 && suffix == 0) || !keptUnchanged(items, count, print, prefix, suffix)) {
        return null;
      }
      int removed = lastCount - prefix - suffix;
      int added = count - prefix - suffix;
      int shownTotal = Math.max(total, count / unit);
      ChangeStart start;
      if (!map && suffix == 0 && removed == 0) {
        if (total <= print.length()) {
          return null;
        }
        start = ChangeStart.append(lastCount, total, added);
      } else {
        start = ChangeStart.splice(map, lastCount / unit, shownTotal, prefix / unit, removed / unit, added / unit);
      }
      boolean keepable = keeping.canKeepAll(items, prefix, prefix + added);
      Object change = changeOf(value, start, items, prefix, prefix + added, keepable);
      // the kept elements' prints still hold: only the new ones need theirs
      Fingerprint[] known = null;
      Fingerprint[] lastNested = print.nested();
      if (lastNested != null) {
        known = new Fingerprint[count];
        System.arraycopy(lastNested, 0, known, 0, prefix);
        System.arraycopy(lastNested, lastCount - suffix, known, count - suffix, suffix);
      }
      budget = SnapshotWriter.NODE_BUDGET;
      // values that cannot change need no prints of their own
      Fingerprint[] nested = keepable ? known : nestedOf(items, prefix, prefix + added, count, known, 1);
      deltaFingerprint = nested == CANNOT ? null : Fingerprint.ofChildren(value, print.kind(), total, items, count, nested);
      if (deltaFingerprint != null && keepable) {
        deltaFingerprint.keepingUnchangeableChildrenOf(print);
      }
      return change;
    } finally {
      elements.reset(false);
    }
  }

  /**
   * A list kept in an array, compared in that array rather than copied out first: unchanged, or
   * only grown at the end by elements that need no prints of their own (a list filled in a
   * loop), its print then extended in place. {@link #READ_WHOLE} for any other change.
   */
  private Object arrayListChange(Object value, JdkCollections.ArrayBackedReader list, Fingerprint print)
      throws ReflectiveOperationException {
    Object[] data = list.array(value);
    int total = list.size(value);
    int count = Math.min(Math.min(total, data.length), snapshots.maxElements());
    if (print.sameChildren(total, data, count)) {
      return nestedUnchanged(data, print, 1) ? UNCHANGED : null;
    }
    int kept = print.childCount();
    if (print.nested() != null || total <= print.length() || !print.startsWithChildren(data, count)) {
      return READ_WHOLE;
    }
    // the new elements, read once, so that what is encoded and what the print keeps agree
    Elements added = snapshots.reusableElements(1);
    added.reset(false);
    try {
      for (int i = kept; i < count; i++) {
        added.add(data[i]);
      }
      // values that cannot change need no prints of their own
      boolean keepable = keeping.canKeepAll(added.items, 0, added.count);
      budget = SnapshotWriter.NODE_BUDGET;
      if (!keepable && nestedOf(added.items, 0, added.count, null, 1) != null) {
        return READ_WHOLE;
      }
      Object change = changeOf(value, ChangeStart.append(kept, total, added.count), added.items, 0, added.count, keepable);
      deltaFingerprint = print.grownChildren(total, added.items, 0, added.count, keepable);
      return change;
    } finally {
      added.reset(false);
    }
  }

  /**
   * The change that starts as {@code start}, with the elements {@code from..to} added to the
   * collection: kept with them for the writer thread when they cannot change ({@code keepable}),
   * else encoded now.
   */
  private Object changeOf(Object collection, ChangeStart start, Object[] items, int from, int to, boolean keepable)
      throws ReflectiveOperationException {
    if (keepable) {
      return new KeptChange(start, Arrays.copyOfRange(items, from, to));
    }
    scratch.reset();
    start.writeTo(scratch);
    snapshots.addedElements(collection, items, from, to, scratch);
    return scratch.toByteArray();
  }

  /** The kept elements (the prefix, and the suffix, which may have moved) are unchanged inside. */
  private boolean keptUnchanged(Object[] items, int count, Fingerprint print, int prefix, int suffix)
      throws ReflectiveOperationException {
    Fingerprint[] nested = print.nested();
    return nested == null
        || (childrenUnchanged(items, 0, nested, 0, prefix, 1)
            && childrenUnchanged(items, count - suffix, nested, nested.length - suffix, suffix, 1));
  }

  /** The fingerprint of the value the last {@link #changeSince} found changed in part, or null. */
  Fingerprint deltaFingerprint() {
    return deltaFingerprint;
  }

  /** {@code level}: the depth the value is written at in the snapshot (1: the variable itself). */
  private boolean unchanged(Object value, Fingerprint print, int level) throws ReflectiveOperationException {
    Class<?> type = value.getClass();
    ValueKind kind = ValueKind.ofValue(value);
    switch (kind) {
      case ARRAY: {
        int length = java.lang.reflect.Array.getLength(value);
        if (type.getComponentType().isPrimitive()) {
          return print.samePrimitives(value, length);
        }
        return print.sameArray((Object[]) value, length) && nestedUnchanged((Object[]) value, print, level);
      }
      case COLLECTION:
      case MAP: {
        Elements elements = snapshots.reusableElements(level);
        elements.reset(kind == ValueKind.MAP);
        try {
          int total = JdkCollections.readerFor(type).read(value, elements);
          return print.sameChildren(total, elements.items, elements.count) && nestedUnchanged(elements.items, print, level);
        } finally {
          elements.reset(false);
        }
      }
      case BUILDER: {
        byte[] bytes = (byte[]) JdkInternals.BUILDER_VALUE.get(value);
        byte coder = JdkInternals.BUILDER_CODER.getByte(value);
        int count = JdkInternals.BUILDER_COUNT.getInt(value);
        return print.sameText(count, coder, bytes, keptBytes(bytes, coder, count));
      }
      case STRUCT: {
        if (!print.isStruct()) {
          return false;
        }
        Layout layout = snapshots.layout(type);
        long[] primitives = print.structPrimitives();
        Object[] references = print.structReferences();
        Fingerprint[] nested = print.nested();
        for (int i = 0; i < layout.fields.length; i++) {
          FieldReader field = layout.fields[i];
          if (field == null || layout.redacted[i]) {
            continue;
          }
          if (layout.kinds[i] == RawEvents.K_REF) {
            Object reference = field.get(value);
            if (reference != references[i]
                || (nested != null && nested[i] != null && !unchanged(reference, nested[i], level + 1))) {
              return false;
            }
          } else if (field.bits(value, layout.kinds[i]) != primitives[i]) {
            return false;
          }
        }
        return true;
      }
      default:
        return false;
    }
  }

  /** The children (the same objects as the print's) are unchanged inside where that could be. */
  private boolean nestedUnchanged(Object[] children, Fingerprint print, int level) throws ReflectiveOperationException {
    Fingerprint[] nested = print.nested();
    return nested == null || childrenUnchanged(children, 0, nested, 0, nested.length, level);
  }

  /**
   * Whether {@code length} children from {@code childFrom} still match the prints from {@code
   * nestedFrom} (null where identity says enough), the children written at {@code level} + 1.
   */
  private boolean childrenUnchanged(Object[] children, int childFrom, Fingerprint[] nested, int nestedFrom, int length, int level)
      throws ReflectiveOperationException {
    for (int i = 0; i < length; i++) {
      Fingerprint print = nested[nestedFrom + i];
      if (print != null && !unchanged(children[childFrom + i], print, level + 1)) {
        return false;
      }
    }
    return true;
  }

  /** The fingerprint of a value just snapshotted, or null when it cannot have one. */
  Fingerprint fingerprint(Object value) {
    if (snapshots.maxDepth() < 1) {
      return null;
    }
    budget = SnapshotWriter.NODE_BUDGET;
    try {
      return fingerprint(value, 1);
    } catch (Throwable e) {
      return null;
    }
  }

  private Fingerprint fingerprint(Object value, int level) throws ReflectiveOperationException {
    Class<?> type = value.getClass();
    ValueKind kind = ValueKind.ofValue(value);
    switch (kind) {
      case ARRAY: {
        int length = java.lang.reflect.Array.getLength(value);
        int shown = Math.min(length, snapshots.maxElements());
        if (type.getComponentType().isPrimitive()) {
          return Fingerprint.ofPrimitiveArray(value, length, shown);
        }
        Fingerprint[] nested = nestedOf((Object[]) value, 0, shown, null, level);
        return nested == CANNOT ? null : Fingerprint.ofChildren(value, kind, length, (Object[]) value, shown, nested);
      }
      case COLLECTION:
      case MAP: {
        Elements elements = snapshots.reusableElements(level);
        elements.reset(kind == ValueKind.MAP);
        try {
          int total = JdkCollections.readerFor(type).read(value, elements);
          Fingerprint[] nested = nestedOf(elements.items, 0, elements.count, null, level);
          return nested == CANNOT ? null : Fingerprint.ofChildren(value, kind, total, elements.items, elements.count, nested);
        } finally {
          elements.reset(false);
        }
      }
      case BUILDER: {
        byte[] bytes = (byte[]) JdkInternals.BUILDER_VALUE.get(value);
        byte coder = JdkInternals.BUILDER_CODER.getByte(value);
        int count = JdkInternals.BUILDER_COUNT.getInt(value);
        return Fingerprint.ofText(value, count, coder, bytes, keptBytes(bytes, coder, count));
      }
      case STRUCT: {
        Layout layout = snapshots.layout(type);
        long[] primitives = new long[layout.fields.length];
        Object[] references = new Object[layout.fields.length];
        for (int i = 0; i < layout.fields.length; i++) {
          FieldReader field = layout.fields[i];
          if (field == null || layout.redacted[i]) {
            continue;
          }
          if (layout.kinds[i] == RawEvents.K_REF) {
            references[i] = field.get(value);
          } else {
            primitives[i] = field.bits(value, layout.kinds[i]);
          }
        }
        Fingerprint[] nested = nestedOf(references, 0, references.length, null, level);
        return nested == CANNOT ? null : Fingerprint.ofStruct(value, primitives, references, nested);
      }
      default:
        return null;
    }
  }

  /**
   * The fingerprints of the children of a value written at {@code level} that could change
   * inside and are shown inside its snapshot: null when identity says enough of every child (all
   * leaves, or the children are past the snapshot's depth, where only their type is written, and
   * none is a StringBuilder, whose text is written at any depth),
   * {@link #CANNOT} when one cannot have a fingerprint or the budget ran out.
   *
   * @param known the prints of children {@code 0..from} (null: none needed), kept as they are
   */
  private Fingerprint[] nestedOf(Object[] children, int from, int count, Fingerprint[] known, int level)
      throws ReflectiveOperationException {
    return nestedOf(children, from, count, count, known, level);
  }

  /** As above, for the children {@code from} to {@code to} of {@code count}; the others' prints are {@code known}. */
  private Fingerprint[] nestedOf(Object[] children, int from, int to, int count, Fingerprint[] known, int level)
      throws ReflectiveOperationException {
    // past the depth, a child's snapshot is its type only, but for a StringBuilder's, its text
    boolean deepest = level >= snapshots.maxDepth();
    Fingerprint[] nested = known == null ? null : Arrays.copyOf(known, count);
    for (int i = from; i < to; i++) {
      Object child = children[i];
      if (child == null
          || (deepest ? ValueKind.of(child.getClass()) != ValueKind.BUILDER : identityIsEnough(child.getClass()))) {
        continue;
      }
      if (--budget < 0) {
        return CANNOT;
      }
      Fingerprint print = fingerprint(child, level + 1);
      if (print == null) {
        return CANNOT;
      }
      if (nested == null) {
        nested = new Fingerprint[count];
      }
      nested[i] = print;
    }
    return nested;
  }

  /** How many bytes of a StringBuilder's array its snapshot shows (Latin-1: one a char, UTF-16: two). */
  private int keptBytes(byte[] bytes, byte coder, int count) {
    return Math.min(bytes.length, (coder == 0 ? 1 : 2) * Math.min(count, snapshots.maxString()));
  }

  /** Objects that never change as a snapshot shows them (leaves, hidden classes, JDK value types but threads). */
  private static boolean identityIsEnough(Class<?> type) {
    if (Fingerprint.isLeafType(type)) {
      return true;
    }
    ValueKind kind = ValueKind.of(type);
    return kind == ValueKind.OPAQUE || (kind == ValueKind.TEXT && type != Thread.class);
  }
}
