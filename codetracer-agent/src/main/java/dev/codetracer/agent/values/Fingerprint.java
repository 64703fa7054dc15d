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
  private final int length;
  private final Object children;
  /** By child (or struct reference field): its fingerprint, null for one identity says enough of. */
  private final Fingerprint[] nested;

  private Fingerprint(Object object, int length, Object children, Fingerprint[] nested) {
    this.object = object;
    this.length = length;
    this.children = children;
    this.nested = nested;
  }

  static boolean isLeafType(Class<?> type) {
    return LEAF.get(type);
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
    return new Fingerprint(array, length, copy, null);
  }

  /**
   * Children by identity (object array elements, collection elements), with the fingerprints of
   * those that could change inside ({@code nested}, null when none could).
   */
  static Fingerprint ofChildren(Object object, int length, Object[] children, int count, Fingerprint[] nested) {
    return new Fingerprint(object, length, Arrays.copyOf(children, count), nested);
  }

  /** A StringBuilder's coder and first bytes. */
  static Fingerprint ofText(Object builder, int length, byte coder, byte[] value, int bytes) {
    return new Fingerprint(builder, length, new Text(Arrays.copyOf(value, bytes), bytes, coder), null);
  }

  /**
   * The print of the same Latin-1 builder grown to {@code length} characters, keeping {@code bytes}
   * bytes of {@code value} (which starts with the bytes this print kept). It extends this print's
   * buffer in place, so a builder filled in a loop costs its growth, not its whole text, each
   * time: this print must not be used again.
   */
  Fingerprint grownText(int length, byte[] value, int bytes) {
    Text text = (Text) children;
    if (bytes > text.buffer.length) {
      text.buffer = Arrays.copyOf(text.buffer, Math.max(bytes, 2 * text.buffer.length));
    }
    System.arraycopy(value, text.used, text.buffer, text.used, bytes - text.used);
    text.used = bytes;
    return new Fingerprint(object, length, text, null);
  }

  /** A struct: its primitive fields' bits, its reference fields and their {@code nested} prints. */
  static Fingerprint ofStruct(Object object, long[] primitives, Object[] references, Fingerprint[] nested) {
    return new Fingerprint(object, references.length, new Object[] {primitives, references}, nested);
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
    return children instanceof Object[] parts && parts.length == 2 && parts[0] instanceof long[];
  }

  boolean sameArray(Object[] current, int length) {
    Object[] last = (Object[]) children;
    if (length != this.length) {
      return false;
    }
    for (int i = 0; i < last.length; i++) {
      if (current[i] != last[i]) {
        return false;
      }
    }
    return true;
  }

  int length() {
    return length;
  }

  /** The children of a collection or object array fingerprint, or null for another kind. */
  Object[] childArray() {
    return children instanceof Object[] array && !isStruct() ? array : null;
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
    if (isStruct()) {
      references = structReferences();
    } else if (JdkCollections.isWrapper(object.getClass())) {
      return true;
    } else {
      references = childArray();
    }
    for (Object child : references) {
      if (child == target) {
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

  boolean isOf(Object value) {
    return value == object;
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

  boolean sameChildren(int length, Object[] current, int count) {
    Object[] last = (Object[]) children;
    if (length != this.length || count != last.length) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (current[i] != last[i]) {
        return false;
      }
    }
    return true;
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
