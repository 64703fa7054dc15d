package dev.codetracer.agent.values;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * What a variable's last snapshot was made of, kept so that a re-snapshot can tell "nothing
 * changed" without encoding anything: the same object, with the same length and the same direct
 * children (primitives by value, objects by identity), and for each child that could change
 * inside (anything but a leaf: strings, boxes, enums, records of those) and is shown inside the
 * snapshot, that child's own fingerprint ({@link ChangeDetector} decides how deep).
 */
final class Fingerprint {
  /** Classes whose instances never change: what a child must be for a fingerprint to hold. */
  private static final ClassValue<Boolean> LEAF =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return isLeaf(type, 0);
        }
      };

  private final Object object;
  /** The object's kind, so that a refresh of the same object need not look it up. */
  private final ValueKind kind;
  /** Length, children and child count change only when a list or builder grows at the end. */
  private int length;
  private Object children;
  /** For children held in an {@code Object[]} (not a struct's): how many of them are in use. */
  private int childCount;
  /** By child (or struct reference field): its fingerprint, null for one identity says enough of. */
  private final Fingerprint[] nested;
  /** A collection's or map's reader, looked up at its first refresh. */
  private JdkCollections.Reader reader;
  /**
   * Whether the children include one that could change (then {@link #shows} must look for a
   * changed object among them), or null until a {@link #shows} of many children needs to know.
   */
  private Boolean changeableChildren;
  /** Fewer children than this are looked through rather than looked up ({@link #hasChangeableChild}). */
  private static final int LOOKED_THROUGH = 8;

  private Fingerprint(Object object, ValueKind kind, int length, Object children, Fingerprint[] nested) {
    this(object, kind, length, children, children instanceof Object[] array ? array.length : 0, nested);
  }

  private Fingerprint(Object object, ValueKind kind, int length, Object children, int childCount, Fingerprint[] nested) {
    this.object = object;
    this.kind = kind;
    this.length = length;
    this.children = children;
    this.childCount = childCount;
    this.nested = nested;
  }

  static boolean isLeafType(Class<?> type) {
    return type == String.class || LEAF.get(type);
  }

  private static boolean isLeaf(Class<?> type, int nesting) {
    if (type.isPrimitive() || type == String.class || type == Integer.class || type == Long.class
        || type == Boolean.class || type == Character.class || type == Short.class || type == Byte.class
        || type == Float.class || type == Double.class || type == Class.class || type.isEnum()
        || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
      return true;
    }
    if (type.isRecord() && nesting < 4) {
      RecordComponent[] components;
      try {
        components = type.getRecordComponents();
      } catch (LinkageError e) {
        return false; // a component's type is missing from the class path: not a value to keep as it is
      }
      for (RecordComponent component : components) {
        Class<?> declared = component.getType();
        boolean fixed = declared.isPrimitive() || java.lang.reflect.Modifier.isFinal(declared.getModifiers()) || declared.isEnum();
        if (!fixed || !isLeaf(declared, nesting + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** A primitive array: a copy of its first {@code shown} elements. */
  static Fingerprint ofPrimitiveArray(Object array, int length, int shown) {
    Object copy = Array.newInstance(array.getClass().getComponentType(), shown);
    System.arraycopy(array, 0, copy, 0, shown);
    return new Fingerprint(array, ValueKind.ARRAY, length, copy, null);
  }

  /**
   * Children by identity (object array elements, collection elements), with the fingerprints of
   * those that could change inside ({@code nested}, null when none could).
   */
  static Fingerprint ofChildren(Object object, ValueKind kind, int length, Object[] children, int count, Fingerprint[] nested) {
    return new Fingerprint(object, kind, length, Arrays.copyOf(children, count), nested);
  }

  /**
   * This print, made the print of its list grown at the end by {@code items[from..to)} (a list
   * whose children need no prints of their own): it is extended in place, so a list filled in a
   * loop costs its growth, not a copy of all its elements or a new print, each time.
   *
   * @param addedCannotChange the new children are values that cannot change (kept as they are)
   */
  Fingerprint grownChildren(int length, Object[] items, int from, int to, boolean addedCannotChange) {
    if (!addedCannotChange) {
      changeableChildren = null;
    }
    Object[] buffer = (Object[]) children;
    int grown = childCount + to - from;
    if (grown > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(grown, 2 * buffer.length));
    }
    System.arraycopy(items, from, buffer, childCount, to - from);
    this.children = buffer;
    this.childCount = grown;
    this.length = length;
    return this;
  }

  /** An array, collection or map of leaves, by the copy of its elements the recording keeps (which no one changes). */
  static Fingerprint ofKeptElements(Object container, KeptElements kept) {
    ValueKind kind = kept.map ? ValueKind.MAP : container instanceof Object[] ? ValueKind.ARRAY : ValueKind.COLLECTION;
    Fingerprint print = new Fingerprint(container, kind, kept.total, kept.items, null);
    print.changeableChildren = false;
    return print;
  }

  /** A StringBuilder's coder and first bytes. */
  static Fingerprint ofText(Object builder, int length, byte coder, byte[] value, int bytes) {
    return new Fingerprint(builder, ValueKind.BUILDER, length, new Text(Arrays.copyOf(value, bytes), bytes, coder), null);
  }

  /**
   * This print, made the print of its Latin-1 builder grown to {@code length} characters, keeping
   * {@code bytes} bytes of {@code value} (which starts with the bytes this print kept): it is
   * extended in place, so a builder filled in a loop costs its growth, not its whole text or a new
   * print, each time.
   */
  Fingerprint grownText(int length, byte[] value, int bytes) {
    Text text = (Text) children;
    if (bytes > text.buffer.length) {
      text.buffer = Arrays.copyOf(text.buffer, Math.max(bytes, 2 * text.buffer.length));
    }
    System.arraycopy(value, text.used, text.buffer, text.used, bytes - text.used);
    text.used = bytes;
    this.length = length;
    return this;
  }

  /**
   * A builder's print's copy of its Latin-1 text: the bytes it keeps are never changed, only
   * added to (in a larger copy when they do not fit).
   */
  byte[] keptText() {
    return ((Text) children).buffer;
  }

  /** A struct: its primitive fields' bits, its reference fields and their {@code nested} prints. */
  static Fingerprint ofStruct(Object object, long[] primitives, Object[] references, Fingerprint[] nested) {
    return new Fingerprint(object, ValueKind.STRUCT, references.length, new Object[] {primitives, references}, nested);
  }

  /** The fingerprints of the children that could change inside, or null when none could. */
  Fingerprint[] nested() {
    return nested;
  }

  long[] structPrimitives() {
    return (long[]) ((Object[]) children)[0];
  }

  Object[] structReferences() {
    return (Object[]) ((Object[]) children)[1];
  }

  boolean isStruct() {
    return kind == ValueKind.STRUCT;
  }

  boolean sameArray(Object[] current, int length) {
    return length == this.length && startsWithChildren(current, length);
  }

  int length() {
    return length;
  }

  /**
   * The children of a collection or object array fingerprint, the first {@link #childCount} of
   * the array, or null for another kind.
   */
  Object[] childArray() {
    return children instanceof Object[] array && !isStruct() ? array : null;
  }

  int childCount() {
    return childCount;
  }

  /**
   * For the print of a Latin-1 StringBuilder: how many bytes it kept, when {@code value} still
   * starts with them; else -1.
   */
  int keptLatin1Prefix(byte[] value) {
    if (!(children instanceof Text text) || text.coder != 0 || text.used > value.length) {
      return -1;
    }
    return Arrays.equals(value, 0, text.used, text.buffer, 0, text.used) ? text.used : -1;
  }

  /**
   * For the print of a Latin-1 StringBuilder: how many bytes it kept; else -1. For a builder known
   * to have only grown since, which therefore still starts with them.
   */
  int keptLatin1Bytes() {
    return children instanceof Text text && text.coder == 0 ? text.used : -1;
  }

  /**
   * Whether the snapshot this print was made of shows {@code target}: is it, or has it among its
   * children, or in a child's own print. True for a wrapper, whose print names the elements of
   * the collection it wraps but not that collection (a wrapper's print is never a struct's).
   */
  boolean shows(Object target) {
    if (object == target) {
      return true;
    }
    if (!(children instanceof Object[])) {
      return false; // a primitive array's or a StringBuilder's print: it holds no references
    }
    Object[] references;
    int count;
    if (isStruct()) {
      references = structReferences();
      count = references.length;
    } else if (JdkCollections.isWrapper(reader())) {
      return true;
    } else {
      references = childArray();
      count = childCount;
    }
    if (!hasChangeableChild(references, count)) {
      // a child that cannot change may be the target (a receiver that changed) only in name
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (references[i] == target) {
        return true;
      }
    }
    if (nested != null) {
      for (Fingerprint print : nested) {
        if (print != null && print.shows(target)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * This print, made of the children of {@code earlier} (which cannot change) and of new ones
   * kept as they are (which cannot either): none of its children can change.
   */
  Fingerprint keepingUnchangeableChildrenOf(Fingerprint earlier) {
    if (earlier.changeableChildren == Boolean.FALSE) {
      changeableChildren = false;
    }
    return this;
  }

  /** Whether a child could change: anything but null and values that cannot (looked up once a print of many). */
  private boolean hasChangeableChild(Object[] references, int count) {
    if (changeableChildren == null) {
      if (count < LOOKED_THROUGH) {
        return true; // as quick to look through as to look up
      }
      boolean changeable = false;
      for (int i = 0; i < count && !changeable; i++) {
        changeable = references[i] != null && !ValueKind.of(references[i].getClass()).isImmutable();
      }
      changeableChildren = changeable;
    }
    return changeableChildren;
  }

  boolean isOf(Object value) {
    return value == object;
  }

  ValueKind kind() {
    return kind;
  }

  /** The reader of the collection or map this print was made of. */
  JdkCollections.Reader reader() {
    if (reader == null) {
      reader = JdkCollections.readerFor(object.getClass());
    }
    return reader;
  }

  boolean samePrimitives(Object array, int length) {
    if (length != this.length) {
      return false;
    }
    int shown = Array.getLength(children);
    if (array instanceof int[] a) {
      return Arrays.equals(a, 0, shown, (int[]) children, 0, shown);
    } else if (array instanceof long[] a) {
      return Arrays.equals(a, 0, shown, (long[]) children, 0, shown);
    } else if (array instanceof double[] a) {
      return Arrays.equals(a, 0, shown, (double[]) children, 0, shown);
    } else if (array instanceof byte[] a) {
      return Arrays.equals(a, 0, shown, (byte[]) children, 0, shown);
    } else if (array instanceof char[] a) {
      return Arrays.equals(a, 0, shown, (char[]) children, 0, shown);
    } else if (array instanceof boolean[] a) {
      return Arrays.equals(a, 0, shown, (boolean[]) children, 0, shown);
    } else if (array instanceof float[] a) {
      return Arrays.equals(a, 0, shown, (float[]) children, 0, shown);
    } else if (array instanceof short[] a) {
      return Arrays.equals(a, 0, shown, (short[]) children, 0, shown);
    }
    return false;
  }

  /** Whether {@code current} starts with this print's children. */
  boolean startsWithChildren(Object[] current, int count) {
    if (count < childCount) {
      return false;
    }
    Object[] last = (Object[]) children;
    for (int i = 0; i < childCount; i++) {
      if (current[i] != last[i]) {
        return false;
      }
    }
    return true;
  }

  boolean sameChildren(int length, Object[] current, int count) {
    return length == this.length && count == childCount && startsWithChildren(current, count);
  }

  boolean sameText(int length, byte coder, byte[] value, int bytes) {
    Text last = (Text) children;
    return length == this.length && last.used == bytes && last.coder == coder
        && Arrays.equals(value, 0, bytes, last.buffer, 0, bytes);
  }

  /** A StringBuilder's kept bytes ({@code used} of {@code buffer}) and coder. */
  private static final class Text {
    private byte[] buffer;
    private int used;
    private final byte coder;

    Text(byte[] buffer, int used, byte coder) {
      this.buffer = buffer;
      this.used = used;
      this.coder = coder;
    }
  }
}
