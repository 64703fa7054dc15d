package dev.codetracer.agent.values;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JDK's collections and maps through their internal fields, never through their
 * methods: iterating a collection could run user code (a key's {@code hashCode}, a comparator) or
 * fail on concurrent modification. Needs the agent to have java.util opened to it; without that
 * a reader is simply absent and the object is recorded as a struct of what can be read.
 */
final class JdkCollections {
  /**
   * Reads up to the sink's limit; returns the collection's size. The readers below are classes,
   * not lambdas: the class of a lambda is generated when it is first evaluated, with the method
   * handle forms it needs, and every test JVM would pay for fifteen of them at its first value.
   */
  interface Reader {
    int read(Object collection, Elements out) throws ReflectiveOperationException;
  }

  /** A list kept in an array, which a change detector can compare in place. */
  interface ArrayBackedReader extends Reader {
    /** The list's array: its first {@link #size} elements are the list's (fewer if it changes meanwhile). */
    Object[] array(Object list) throws ReflectiveOperationException;

    int size(Object list) throws ReflectiveOperationException;
  }

  /** What a view of a map shows of it: its keys, its values, or its entries (as the map's pairs). */
  private static final int KEYS = 0;
  private static final int VALUES = 1;
  private static final int ENTRIES = 2;

  private static final Map<String, Reader> READERS = new HashMap<>();
  private static final Map<String, Boolean> MAPS = new HashMap<>();

  static {
    list("java.util.ArrayList", "elementData", "size");
    list("java.util.Vector", "elementData", "elementCount");
    list("java.util.Stack", "elementData", "elementCount");
    list("java.util.PriorityQueue", "queue", "size");
    list("java.util.concurrent.PriorityBlockingQueue", "queue", "size");
    array("java.util.Arrays$ArrayList", "a");
    array("java.util.concurrent.CopyOnWriteArrayList", "array");
    array("java.util.ImmutableCollections$ListN", "elements");
    sparseArray("java.util.ImmutableCollections$SetN", "elements");
    pair("java.util.ImmutableCollections$List12", "e0", "e1", List.of(0));
    pair("java.util.ImmutableCollections$Set12", "e0", "e1", Set.of(0));
    linked("java.util.LinkedList", "first", "java.util.LinkedList$Node", "item", "next", "size");
    deque();
    hashMap("java.util.HashMap", false);
    hashMap("java.util.LinkedHashMap", false);
    hashMap("java.util.HashSet", true);
    hashMap("java.util.LinkedHashSet", true);
    treeMap("java.util.TreeMap", false);
    treeMap("java.util.TreeSet", true);
    concurrentHashMap();
    mapN();
    map1();
    delegate("java.util.Collections$UnmodifiableCollection", "c", false);
    delegate("java.util.Collections$UnmodifiableList", "c", false);
    delegate("java.util.Collections$UnmodifiableRandomAccessList", "c", false);
    delegate("java.util.Collections$UnmodifiableSet", "c", false);
    delegate("java.util.Collections$UnmodifiableSortedSet", "c", false);
    delegate("java.util.Collections$UnmodifiableNavigableSet", "c", false);
    delegate("java.util.Collections$SynchronizedCollection", "c", false);
    delegate("java.util.Collections$SynchronizedList", "c", false);
    delegate("java.util.Collections$SynchronizedRandomAccessList", "c", false);
    delegate("java.util.Collections$SynchronizedSet", "c", false);
    delegate("java.util.Collections$UnmodifiableMap", "m", true);
    delegate("java.util.Collections$UnmodifiableSortedMap", "m", true);
    delegate("java.util.Collections$UnmodifiableNavigableMap", "m", true);
    delegate("java.util.Collections$SynchronizedMap", "m", true);
    single("java.util.Collections$SingletonList", "element");
    single("java.util.Collections$SingletonSet", "element");
    singletonMap();
    mapView("java.util.HashMap$KeySet", "this$0", KEYS);
    mapView("java.util.HashMap$Values", "this$0", VALUES);
    mapView("java.util.HashMap$EntrySet", "this$0", ENTRIES);
    mapView("java.util.LinkedHashMap$LinkedKeySet", "this$0", KEYS);
    mapView("java.util.LinkedHashMap$LinkedValues", "this$0", VALUES);
    mapView("java.util.LinkedHashMap$LinkedEntrySet", "this$0", ENTRIES);
    mapView("java.util.TreeMap$KeySet", "m", KEYS);
    mapView("java.util.TreeMap$Values", "this$0", VALUES);
    mapView("java.util.TreeMap$EntrySet", "this$0", ENTRIES);
    empty("java.util.Collections$EmptyList", false);
    empty("java.util.Collections$EmptySet", false);
    empty("java.util.Collections$EmptyMap", true);
  }

  private JdkCollections() {}

  /** The readers by class, looked up by name once per class rather than for every value read. */
  private static final ClassValue<Reader> READER_OF_CLASS =
      new ClassValue<>() {
        @Override
        protected Reader computeValue(Class<?> type) {
          return READERS.get(type.getName());
        }
      };

  /** The reader for exactly this class, or null. */
  static Reader readerFor(Class<?> type) {
    return READER_OF_CLASS.get(type);
  }

  /** Whether a collection this reader reads shows the elements of another collection it wraps. */
  static boolean isWrapper(Reader reader) {
    return reader instanceof WrapperReader;
  }

  /**
   * Whether this collection, of a class with a reader, can be read: a wrapper only when what it
   * wraps can be (not the program's subclass of a JDK collection, whose methods, which the wrapper
   * calls, may not show what the JDK's fields hold).
   */
  static boolean canRead(Object collection) throws ReflectiveOperationException {
    return !(readerFor(collection.getClass()) instanceof WrapperReader wrapper) || wrapper.canRead(collection);
  }

  /** Whether this class, one with a reader, is a map (its elements are key, value pairs). */
  static boolean isMap(Class<?> type) {
    return MAPS.getOrDefault(type.getName(), false);
  }

  private static void register(String className, boolean map, Reader reader) {
    READERS.put(className, reader);
    MAPS.put(className, map);
  }

  private static FieldReader field(String className, String name) {
    try {
      return FieldReader.of(Class.forName(className, false, null).getDeclaredField(name));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static void list(String className, String arrayField, String sizeField) {
    FieldReader array = field(className.equals("java.util.Stack") ? "java.util.Vector" : className, arrayField);
    FieldReader size = field(className.equals("java.util.Stack") ? "java.util.Vector" : className, sizeField);
    if (array == null || size == null) {
      return;
    }
    register(className, false, new ArrayBackedReader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        Object[] data = array(c);
        int n = size(c);
        for (int i = 0; i < Math.min(n, data.length) && out.add(data[i]); i++) {}
        return n;
      }

      @Override
      public Object[] array(Object c) throws ReflectiveOperationException {
        return (Object[]) array.get(c);
      }

      @Override
      public int size(Object c) throws ReflectiveOperationException {
        return size.getInt(c);
      }
    });
  }

  private static void array(String className, String arrayField) {
    FieldReader array = field(className, arrayField);
    if (array == null) {
      return;
    }
    register(className, false, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        Object[] data = (Object[]) array.get(c);
        for (int i = 0; i < data.length && out.add(data[i]); i++) {}
        return data.length;
      }
    });
  }

  private static void sparseArray(String className, String arrayField) {
    FieldReader array = field(className, arrayField);
    if (array == null) {
      return;
    }
    register(className, false, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        Object[] data = (Object[]) array.get(c);
        int n = 0;
        for (Object element : data) {
          if (element != null) {
            n++;
            out.add(element);
          }
        }
        return n;
      }
    });
  }

  /**
   * @param ofOne a one-element instance, whose second field holds the JDK's marker for "no second
   *     element"
   */
  private static void pair(String className, String first, String second, Object ofOne) {
    FieldReader e0 = field(className, first);
    FieldReader e1 = field(className, second);
    if (e0 == null || e1 == null || ofOne.getClass() != e1.declaringClass()) {
      return;
    }
    Object marker;
    try {
      marker = e1.get(ofOne);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return;
    }
    register(className, false, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        Object a = e0.get(c);
        Object b = e1.get(c);
        out.add(a);
        if (b != null && b != marker) {
          out.add(b);
          return 2;
        }
        return 1;
      }
    });
  }

  private static void linked(String className, String head, String nodeClass, String item, String next, String sizeField) {
    FieldReader first = field(className, head);
    FieldReader value = field(nodeClass, item);
    FieldReader link = field(nodeClass, next);
    FieldReader size = field(className, sizeField);
    if (first == null || value == null || link == null || size == null) {
      return;
    }
    register(className, false, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        int n = size.getInt(c);
        Object node = first.get(c);
        for (int i = 0; node != null && i < n && out.add(value.get(node)); i++) {
          node = link.get(node);
        }
        return n;
      }
    });
  }

  private static void deque() {
    FieldReader elements = field("java.util.ArrayDeque", "elements");
    FieldReader head = field("java.util.ArrayDeque", "head");
    FieldReader tail = field("java.util.ArrayDeque", "tail");
    if (elements == null || head == null || tail == null) {
      return;
    }
    register("java.util.ArrayDeque", false, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        Object[] data = (Object[]) elements.get(c);
        int h = head.getInt(c);
        int t = tail.getInt(c);
        int n = data.length == 0 ? 0 : Math.floorMod(t - h, data.length);
        for (int i = 0; i < n && out.add(data[(h + i) % data.length]); i++) {}
        return n;
      }
    });
  }

  private static void hashMap(String className, boolean set) {
    FieldReader table = field("java.util.HashMap", "table");
    FieldReader size = field("java.util.HashMap", "size");
    FieldReader key = field("java.util.HashMap$Node", "key");
    FieldReader value = field("java.util.HashMap$Node", "value");
    FieldReader next = field("java.util.HashMap$Node", "next");
    FieldReader head = field("java.util.LinkedHashMap", "head");
    FieldReader after = field("java.util.LinkedHashMap$Entry", "after");
    FieldReader backing = field("java.util.HashSet", "map");
    if (table == null || size == null || key == null || value == null || next == null) {
      return;
    }
    boolean linked = className.startsWith("java.util.Linked");
    if (set && backing == null || linked && (head == null || after == null)) {
      return;
    }
    register(className, !set, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        Object map = set ? backing.get(c) : c;
        int n = size.getInt(map);
        if (linked) {
          for (Object e = head.get(map); e != null && addEntry(out, set, key.get(e), value.get(e)); e = after.get(e)) {}
          return n;
        }
        Object[] buckets = (Object[]) table.get(map);
        for (int i = 0; buckets != null && i < buckets.length; i++) {
          Object e = buckets[i];
          while (e != null) {
            if (set) {
              if (!out.add(key.get(e))) {
                return n;
              }
              e = next.get(e);
            } else {
              if (!out.hasRoomForPair()) {
                return n;
              }
              e = key.getPairAndLink(e, value, next, out.items, out.count);
              out.addedPair();
            }
          }
        }
        return n;
      }
    });
  }

  /** Adds a set's key or a map's entry: false, and nothing added, when {@code out} is full. */
  private static boolean addEntry(Elements out, boolean set, Object key, Object value) {
    return set ? out.add(key) : out.addPair(key, value);
  }

  private static void treeMap(String className, boolean set) {
    FieldReader root = field("java.util.TreeMap", "root");
    FieldReader size = field("java.util.TreeMap", "size");
    FieldReader key = field("java.util.TreeMap$Entry", "key");
    FieldReader value = field("java.util.TreeMap$Entry", "value");
    FieldReader left = field("java.util.TreeMap$Entry", "left");
    FieldReader right = field("java.util.TreeMap$Entry", "right");
    FieldReader backing = field("java.util.TreeSet", "m");
    if (root == null || size == null || key == null || value == null || left == null || right == null) {
      return;
    }
    if (set && backing == null) {
      return;
    }
    register(className, !set, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        Object map = set ? backing.get(c) : c;
        if (map == null || !map.getClass().getName().equals("java.util.TreeMap")) {
          return 0;
        }
        int n = size.getInt(map);
        java.util.ArrayDeque<Object> path = new java.util.ArrayDeque<>();
        Object node = root.get(map);
        while ((node != null || !path.isEmpty()) && !out.full() && path.size() <= 64) {
          while (node != null && path.size() <= 64) {
            path.push(node);
            node = left.get(node);
          }
          node = path.pop();
          addEntry(out, set, key.get(node), value.get(node));
          node = right.get(node);
        }
        return n;
      }
    });
  }

  private static void concurrentHashMap() {
    String chm = "java.util.concurrent.ConcurrentHashMap";
    FieldReader table = field(chm, "table");
    FieldReader key = field(chm + "$Node", "key");
    FieldReader value = field(chm + "$Node", "val");
    FieldReader next = field(chm + "$Node", "next");
    FieldReader hash = field(chm + "$Node", "hash");
    FieldReader first = field(chm + "$TreeBin", "first");
    if (table == null || key == null || value == null || next == null || hash == null) {
      return;
    }
    register(chm, true, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        Object[] buckets = (Object[]) table.get(c);
        int n = 0;
        if (buckets != null) {
          for (Object bin : buckets) {
            Object e = bin;
            if (e != null && hash.getInt(e) < 0) {
              e = first != null && e.getClass().getName().endsWith("$TreeBin") ? first.get(e) : null;
            }
            for (; e != null; e = next.get(e)) {
              n++;
              out.addPair(key.get(e), value.get(e));
            }
          }
        }
        return n;
      }
    });
  }

  private static void mapN() {
    FieldReader table = field("java.util.ImmutableCollections$MapN", "table");
    if (table == null) {
      return;
    }
    register("java.util.ImmutableCollections$MapN", true, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        Object[] data = (Object[]) table.get(c);
        int n = 0;
        for (int i = 0; i + 1 < data.length; i += 2) {
          if (data[i] != null) {
            n++;
            out.addPair(data[i], data[i + 1]);
          }
        }
        return n;
      }
    });
  }

  private static void map1() {
    FieldReader k = field("java.util.ImmutableCollections$Map1", "k0");
    FieldReader v = field("java.util.ImmutableCollections$Map1", "v0");
    if (k == null || v == null) {
      return;
    }
    register("java.util.ImmutableCollections$Map1", true, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        out.addPair(k.get(c), v.get(c));
        return 1;
      }
    });
  }

  private static void singletonMap() {
    FieldReader k = field("java.util.Collections$SingletonMap", "k");
    FieldReader v = field("java.util.Collections$SingletonMap", "v");
    if (k == null || v == null) {
      return;
    }
    register("java.util.Collections$SingletonMap", true, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        out.addPair(k.get(c), v.get(c));
        return 1;
      }
    });
  }

  private static void delegate(String className, String fieldName, boolean map) {
    String declaring = className.contains("Unmodifiable")
        ? (map ? "java.util.Collections$UnmodifiableMap" : "java.util.Collections$UnmodifiableCollection")
        : (map ? "java.util.Collections$SynchronizedMap" : "java.util.Collections$SynchronizedCollection");
    FieldReader inner = field(declaring, fieldName);
    if (inner == null) {
      return;
    }
    register(className, map, new WrapperReader(inner));
  }

  /** A map's key set, values or entry set, read through the map (its field {@code fieldName}). */
  private static void mapView(String className, String fieldName, int view) {
    FieldReader map = field(className, fieldName);
    if (map == null) {
      return;
    }
    register(className, view == ENTRIES, new WrapperReader(map, view == ENTRIES ? -1 : view));
  }

  /**
   * Reads a wrapper through the collection it wraps, which only {@link #canRead} tells can be read;
   * or, for a view of a map's keys or values, the one of each of the map's pairs.
   */
  private static final class WrapperReader implements Reader {
    private final FieldReader inner;
    /** -1: the wrapped collection's elements; else which of each of its pairs (KEYS, VALUES). */
    private final int pairPart;

    WrapperReader(FieldReader inner) {
      this(inner, -1);
    }

    WrapperReader(FieldReader inner, int pairPart) {
      this.inner = inner;
      this.pairPart = pairPart;
    }

    boolean canRead(Object wrapper) throws ReflectiveOperationException {
      Object wrapped = inner.get(wrapper);
      return wrapped != null && readerFor(wrapped.getClass()) != null && JdkCollections.canRead(wrapped);
    }

    @Override
    public int read(Object c, Elements out) throws ReflectiveOperationException {
      Object wrapped = inner.get(c);
      Reader reader = readerFor(wrapped.getClass());
      if (reader == null) {
        throw new IllegalStateException("wraps a " + wrapped.getClass().getName() + ", which has no reader");
      }
      if (pairPart < 0) {
        return reader.read(wrapped, out);
      }
      Elements pairs = new Elements(out.items.length / 2);
      pairs.reset(true);
      int total = reader.read(wrapped, pairs);
      for (int i = pairPart; i < pairs.count && !out.full(); i += 2) {
        out.add(pairs.items[i]);
      }
      return total;
    }
  }

  private static void single(String className, String fieldName) {
    FieldReader element = field(className, fieldName);
    if (element == null) {
      return;
    }
    register(className, false, new Reader() {
      @Override
      public int read(Object c, Elements out) throws ReflectiveOperationException {
        out.add(element.get(c));
        return 1;
      }
    });
  }

  private static void empty(String className, boolean map) {
    register(className, map, new Reader() {
      @Override
      public int read(Object c, Elements out) {
        return 0;
      }
    });
  }
}
