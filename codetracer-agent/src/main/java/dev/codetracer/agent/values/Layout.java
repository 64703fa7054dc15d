package dev.codetracer.agent.values;

import dev.codetracer.agent.runtime.Definitions;
import dev.codetracer.core.jvm.RawDefinition;
import dev.codetracer.core.jvm.RawEvents;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The instance fields of a class (superclasses' first), made readable once. A field that cannot
 * be made readable (a module does not open its package) is kept with a null accessor and
 * recorded as a marker; so are the fields of a class that cannot be listed (one of their types is
 * missing from the class path, as an optional dependency left out can be), as one entry. A map
 * entry of the JDK's own shows its key and value only, not the links of the map it belongs to (a
 * {@code TreeMap} entry's parent and children, a {@code HashMap} node's hash and next node); an
 * exception shows its message, cause and suppressed exceptions, not the JVM's backtrace, depth
 * and stack trace cache.
 */
final class Layout {
  final int id;
  final FieldReader[] fields;
  final int[] kinds;
  final boolean[] redacted;

  private Layout(int id, FieldReader[] fields, int[] kinds, boolean[] redacted) {
    this.id = id;
    this.fields = fields;
    this.kinds = kinds;
    this.redacted = redacted;
  }

  static Layout of(Class<?> type, Pattern redact) {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    List<Field> fields = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Class<?> c : chain) {
      Field[] declared;
      try {
        declared = c.getDeclaredFields();
      } catch (Throwable e) {
        fields.add(null);
        names.add("(fields of " + c.getSimpleName() + ")");
        continue;
      }
      for (Field field : declared) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic() && !isThrowableInternal(field)) {
          fields.add(field);
          names.add(field.getName());
        }
      }
    }
    if (isJdkEntry(type)) {
      keepOnlyKeyAndValue(fields, names);
    }
    int n = fields.size();
    FieldReader[] accessors = new FieldReader[n];
    int[] kinds = new int[n];
    boolean[] redacted = new boolean[n];
    for (int i = 0; i < n; i++) {
      Field field = fields.get(i);
      if (field == null) {
        kinds[i] = RawEvents.K_REF;
        continue;
      }
      kinds[i] = RawEvents.kindOf(field.getType().descriptorString());
      redacted[i] = redact != null && redact.matcher(field.getName()).find();
      accessors[i] = FieldReader.of(field);
    }
    int id = Definitions.get().nextLayoutId();
    Definitions.get().add(new RawDefinition.Layout(id, TypeNames.readable(type), names));
    return new Layout(id, accessors, kinds, redacted);
  }

  private static boolean isThrowableInternal(Field field) {
    return field.getDeclaringClass() == Throwable.class
        && (field.getName().equals("backtrace") || field.getName().equals("depth") || field.getName().equals("stackTrace"));
  }

  private static boolean isJdkEntry(Class<?> type) {
    return Map.Entry.class.isAssignableFrom(type) && type.getModule() == Object.class.getModule();
  }

  /** The key and value fields ({@code val} in ConcurrentHashMap), when the class has both. */
  private static void keepOnlyKeyAndValue(List<Field> fields, List<String> names) {
    List<Field> kept = new ArrayList<>();
    for (Field field : fields) {
      if (field != null && (field.getName().equals("key") || field.getName().equals("value") || field.getName().equals("val"))) {
        kept.add(field);
      }
    }
    if (kept.size() != 2) {
      return;
    }
    fields.retainAll(kept);
    names.clear();
    kept.forEach(field -> names.add(field.getName()));
  }
}
