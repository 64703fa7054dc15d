package dev.codetracer.agent.values;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which calls on the JDK's own collections a recorded line can make without the variables it
 * cannot reach having to be re-checked ({@code dev.codetracer.agent.instrument.GuardedCalls}
 * decides which call sites ask). The answer is about the receiver's class at run time: a {@code
 * java.util.List} may be the program's own class, whose {@code add} could change anything, and
 * even a JDK class runs the program's code when it compares or hashes the program's objects.
 *
 * <p>A class is trusted only when it is one of the JDK's plain collections, loaded by the boot
 * loader, or an iterator, entry or view of one: their reads run no code but the JDK's. A change
 * through one changes that object only when it stands alone, not a view of another.
 */
public final class TrustedCollections {
  /** The outcome of a check: the call may run other code or change what it was given. */
  public static final int UNKNOWN = 0;
  /** The call changes nothing. */
  public static final int READS = 1;
  /** The call changes its receiver only. */
  public static final int CHANGES_RECEIVER = 2;

  /** Of the collections that hold their own elements ({@link #isStandalone}), the ones that hash or compare what is added to them. */
  private static final Set<Class<?>> HASHED_OR_SORTED =
      Set.of(HashMap.class, LinkedHashMap.class, HashSet.class, LinkedHashSet.class, TreeMap.class);
  /** Classes whose nested classes (iterators, entries, views) read only their outer object. */
  private static final Set<String> FAMILIES =
      Set.of(
          "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashMap",
          "java.util.LinkedHashMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.ImmutableCollections",
          "java.util.KeyValueHolder");
  /**
   * Trusted one by one: TreeMap's views of a sub-map compare keys with the map's comparator, which
   * may be the program's, and AbstractMap's and Arrays' other nested classes read the program's
   * maps or run its comparators.
   */
  private static final Set<String> EXACT_CLASSES =
      Set.of(
          "java.util.TreeMap", "java.util.TreeMap$Entry", "java.util.TreeMap$EntrySet", "java.util.TreeMap$Values",
          "java.util.TreeMap$EntryIterator", "java.util.TreeMap$ValueIterator", "java.util.TreeMap$KeyIterator",
          "java.util.TreeMap$DescendingKeyIterator", "java.util.AbstractMap$SimpleEntry",
          "java.util.AbstractMap$SimpleImmutableEntry", "java.util.Arrays$ArrayList", "java.util.Arrays$ArrayItr");

  private static final ClassValue<Boolean> READABLE =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          if (type.getClassLoader() != null || type.isHidden()) {
            return false;
          }
          String name = type.getName();
          int nested = name.indexOf('$');
          return EXACT_CLASSES.contains(name) || FAMILIES.contains(nested < 0 ? name : name.substring(0, nested));
        }
      };

  private TrustedCollections() {}

  /** A call that only reads its receiver (size, iteration, an entry's key or value, get by index). */
  public static int read(Object receiver) {
    return receiver != null && READABLE.get(receiver.getClass()) ? READS : UNKNOWN;
  }

  /** {@code Iterator.next()}: it moves the iterator. */
  public static int next(Object iterator) {
    return iterator != null && READABLE.get(iterator.getClass()) ? CHANGES_RECEIVER : UNKNOWN;
  }

  /**
   * A lookup by key ({@code get}, {@code containsKey}, {@code contains}): the key is hashed or
   * compared, so it must be a value whose {@code hashCode}, {@code equals} and {@code compareTo}
   * are the JDK's. A LinkedHashMap in access order moves the entry it finds.
   */
  public static int lookup(Object receiver, Object key) {
    if (read(receiver) == UNKNOWN || !isPlainKey(key) || hasComparator(receiver)) {
      return UNKNOWN;
    }
    return receiver.getClass() == LinkedHashMap.class ? CHANGES_RECEIVER : READS;
  }

  /** {@code add(element)}: a list or deque takes any element; a set hashes it. */
  public static int add(Object receiver, Object element) {
    if (!isStandalone(receiver)) {
      return UNKNOWN;
    }
    if (HASHED_OR_SORTED.contains(receiver.getClass()) && !isPlainKey(element)) {
      return UNKNOWN;
    }
    return CHANGES_RECEIVER;
  }

  /**
   * {@code put(key, value)}, and {@code merge(key, value, f)} when the function is known to run
   * only the JDK's code: the key is hashed or compared, the value kept as it is.
   */
  public static int put(Object receiver, Object key) {
    if (!isStandalone(receiver) || !isPlainKey(key) || hasComparator(receiver)) {
      return UNKNOWN;
    }
    return CHANGES_RECEIVER;
  }

  /**
   * Whether the receiver is one of the collections that hold their own elements (exactly these
   * classes): a change through them changes them only. The classes are compared one by one, which
   * is quicker than a set's lookup (it hashes the class) at every guarded call.
   */
  private static boolean isStandalone(Object receiver) {
    if (receiver == null) {
      return false;
    }
    Class<?> type = receiver.getClass();
    return type == ArrayList.class || type == HashMap.class || type == LinkedHashMap.class || type == HashSet.class
        || type == LinkedList.class || type == ArrayDeque.class || type == LinkedHashSet.class || type == TreeMap.class;
  }

  private static boolean hasComparator(Object receiver) {
    return receiver instanceof TreeMap<?, ?> tree && tree.comparator() != null;
  }

  /** Null, a string, a box, an enum constant or a class: hashing and comparing them runs only the JDK. */
  private static boolean isPlainKey(Object key) {
    if (key == null) {
      return true;
    }
    ValueKind kind = ValueKind.of(key.getClass());
    return kind == ValueKind.STRING || kind == ValueKind.BOX || kind == ValueKind.ENUM || kind == ValueKind.CLASS;
  }
}
