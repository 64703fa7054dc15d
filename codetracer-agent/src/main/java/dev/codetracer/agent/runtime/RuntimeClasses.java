package dev.codetracer.agent.runtime;

import dev.codetracer.agent.values.OffsetReaders;
import dev.codetracer.agent.values.TrustedCollections;
import dev.codetracer.agent.values.ValueCapture;
import dev.codetracer.core.jvm.ValueEncoder;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads and initializes, when the first recording starts, every class the probes and the writer
 * thread use, and has the JDK set up what reading values takes. Done when first used instead, it
 * could happen deep in a recursion of the program: with little stack left, the JVM's call into the
 * transformer fails (and the JDK's instrument library prints an assertion), and a class whose
 * initializer runs out of stack, the JDK's reflective field accessors included, is unusable for
 * the rest of the run, for the program too. A program that recurses until {@code
 * StackOverflowError} and catches it is a common enough test. It also has the writer's walk
 * compiled early ({@link WriterWarmUp}).
 */
final class RuntimeClasses {
  /** The core's classes the writer thread and the probes use (the rest serve finishing, at the end). */
  private static final List<String> CORE_CLASSES =
      List.of("ValueEncoder", "RawEvents", "WellKnownTypes", "EventCodec", "RawLogWriter", "DefinitionCodec", "RawDefinition");

  private RuntimeClasses() {}

  /** @param capture the recording thread's value reader: used here, then {@link ValueCapture#reset} */
  static void initialize(ValueCapture capture) {
    ClassLoader loader = RuntimeClasses.class.getClassLoader();
    List<String> prefixes = new ArrayList<>(List.of(packageOf(Probes.class), packageOf(ValueCapture.class)));
    for (String core : CORE_CLASSES) {
      prefixes.add(packageOf(ValueEncoder.class) + core);
    }
    for (String name : classesIn(prefixes)) {
      initialize(name, loader);
    }
    try {
      readOnce(capture);
      if (!OffsetReaders.isInstalled()) {
        readEveryKindOfField();
      }
    } catch (Throwable e) {
      // what is not set up now is set up when first used, as it would have been
    }
    capture.reset();
    WriterWarmUp.start();
  }

  /**
   * Reads the JDK values the value reader reads most, whole, unchanged, grown and changed in
   * place, and an exception's message. JDK values only, so that no layout of a class of ours is
   * defined in a recording.
   */
  private static void readOnce(ValueCapture capture) {
    List<Object> values =
        List.of("text", 1, 2L, 'c', true, 1.5, Thread.State.NEW, String.class, new int[] {1}, new Object[] {"x"},
            new StringBuilder("ab"), new ArrayList<>(List.of(1, 2)), new LinkedList<>(List.of(1)),
            new ArrayDeque<>(List.of(1)), new HashMap<>(Map.of("k", 1)), new LinkedHashMap<>(Map.of("k", 1)),
            new TreeMap<>(Map.of("k", 1)), new HashSet<>(Set.of(1)), new TreeSet<>(Set.of(1)),
            new ConcurrentHashMap<>(Map.of("k", 1)), List.of(1, 2, 3), Set.of(1, 2, 3), Map.of("k", 1),
            Map.of("a", 1, "b", 2), Collections.unmodifiableList(new ArrayList<>(List.of(1))),
            Collections.singletonList(1), new PriorityQueue<>(List.of(1)), new Vector<>(List.of(1)));
    int slot = 0;
    for (Object value : values) {
      capture.capture(value, 0, slot);
      capture.refresh(value, 0, slot);
      slot = (slot + 1) % 16;
    }
    List<Integer> list = new ArrayList<>(List.of(1));
    Map<String, Integer> map = new HashMap<>(Map.of("k", 1));
    StringBuilder text = new StringBuilder("a");
    capture.capture(list, 1, 0);
    capture.capture(map, 1, 1);
    capture.capture(text, 1, 2);
    list.add(2);
    map.put("k", 2);
    text.append('b');
    Object[] changed = {list, map};
    capture.mayShow(list, 1, 0, changed, 2);
    capture.refresh(list, 1, 0);
    capture.refresh(map, 1, 1);
    capture.refresh(text, 1, 2);
    list.set(0, 3);
    capture.refresh(list, 1, 0);
    TrustedCollections.add(list, 4);
    TrustedCollections.put(map, "j");
    TrustedCollections.lookup(map, "k");
    TrustedCollections.read(list);
    TrustedCollections.next(list.iterator());
    capture.exception(new IllegalStateException("warm-up"));
    capture.exception(new ProgramException());
    GuardedLine.clear();
  }

  /** An exception of a class not the JDK's: its message is read from its field, as a program's is. */
  private static final class ProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProgramException() {
      super("warm-up");
    }
  }

  /**
   * Fields of every kind, volatile or not, and static. Reading each once sets up the JDK's
   * accessor for its kind; {@code get} and the typed getters share that accessor. The value reader
   * reads through reflection only where it cannot read fields at their offsets ({@link
   * OffsetReaders}).
   */
  @SuppressWarnings("unused")
  private static final class EveryKindOfField {
    static Object shared = "";
    int i;
    long l;
    double d;
    float f;
    boolean z;
    char c;
    short s;
    byte b;
    Object o = "";
    volatile int vi;
    volatile long vl;
    volatile Object vo = "";
  }

  private static void readEveryKindOfField() throws ReflectiveOperationException {
    EveryKindOfField object = new EveryKindOfField();
    for (Field field : EveryKindOfField.class.getDeclaredFields()) {
      field.setAccessible(true);
      field.get(Modifier.isStatic(field.getModifiers()) ? null : object);
    }
  }

  private static void initialize(String name, ClassLoader loader) {
    try {
      Class.forName(name, true, loader);
    } catch (Throwable e) {
      // it loads later, when first used, as it would have anyway
    }
  }

  private static String packageOf(Class<?> type) {
    return type.getPackageName().replace('.', '/') + "/";
  }

  /**
   * The classes of the agent's jar that a prefix names: a package (ending in {@code /}: its classes,
   * not its subpackages'), or a class with its nested classes.
   */
  private static List<String> classesIn(List<String> prefixes) {
    List<String> names = new ArrayList<>();
    Path jar;
    try {
      jar = Path.of(RuntimeClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return names;
    }
    if (!Files.isRegularFile(jar)) {
      return names; // run from a class folder (the agent's own tests): nothing to list cheaply
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        String entry = entries.nextElement().getName();
        if (entry.endsWith(".class") && prefixes.stream().anyMatch(prefix -> names(prefix, entry))) {
          names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
      }
    } catch (IOException e) {
      // the classes load when first used
    }
    return names;
  }

  private static boolean names(String prefix, String entry) {
    if (!entry.startsWith(prefix)) {
      return false;
    }
    String rest = entry.substring(prefix.length());
    return prefix.endsWith("/") ? rest.indexOf('/') < 0 : rest.equals(".class") || rest.startsWith("$");
  }
}
