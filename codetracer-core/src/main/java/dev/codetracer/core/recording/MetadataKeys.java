package dev.codetracer.core.recording;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of {@code trace_metadata.json} this version knows, in the order it writes them: each
 * with its JSON type and the field of {@link TraceMetadata} that holds it.
 */
final class MetadataKeys {
  /** A key's JSON type, and the Java type of the field that holds it. */
  enum Type {
    STRING("a string", String.class),
    INTEGER("a number", Integer.class),
    LONG("a number", Long.class),
    BOOLEAN("true or false", Boolean.class),
    STRINGS("an array", List.class);

    final String description;
    /** The type of the field that holds it. */
    final Class<?> javaType;

    Type(String description, Class<?> javaType) {
      this.description = description;
      this.javaType = javaType;
    }
  }

  /**
   * One known key, bound to the public field of {@link TraceMetadata} named like it in camel case
   * ({@code duration_ms}: {@code durationMs}). Reflection rather than a lambda per key: this table
   * is built in every JVM that writes a recording, and dozens of lambdas cost more to start than
   * the whole file does to read.
   */
  record Key(String name, Type type, Field field) {
    Object get(TraceMetadata metadata) {
      try {
        return field.get(metadata);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Sets the field from a JSON value already checked to have this key's type. */
    @SuppressWarnings("unchecked")
    void set(TraceMetadata metadata, Object json) {
      Object value =
          switch (type) {
            case INTEGER -> ((Number) json).intValue();
            case LONG -> ((Number) json).longValue();
            case STRINGS -> new ArrayList<>((List<String>) json);
            default -> json;
          };
      try {
        field.set(metadata, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** What CodeTracer itself needs in every recording, ours or another recorder's. */
  static final List<String> REQUIRED = List.of("program", "args", "workdir");

  static final List<Key> KEYS =
      List.of(
          key("format_version", Type.INTEGER),
          key("recording_id", Type.STRING),
          key("program", Type.STRING),
          key("args", Type.STRINGS),
          key("workdir", Type.STRING),
          key("backend", Type.STRING),
          key("language", Type.STRING),
          key("recorder_name", Type.STRING),
          key("recorder_version", Type.STRING),
          key("start_time", Type.STRING),
          key("duration_ms", Type.LONG),
          key("exit_code", Type.INTEGER),
          key("signal", Type.STRING),
          key("codetracer_version", Type.STRING),
          key("host_os", Type.STRING),
          key("host_arch", Type.STRING),
          key("host_name", Type.STRING),
          key("cpu_model", Type.STRING),
          key("user", Type.STRING),
          key("java_version", Type.STRING),
          key("java_vendor", Type.STRING),
          key("compiler", Type.STRING),
          key("test_id", Type.STRING),
          key("test_name", Type.STRING),
          key("test_class", Type.STRING),
          key("test_method", Type.STRING),
          key("test_parameters", Type.STRING),
          key("test_outcome", Type.STRING),
          key("failure_type", Type.STRING),
          key("failure_message", Type.STRING),
          key("failure_stack", Type.STRING),
          key("record_mode", Type.STRING),
          key("reproduced", Type.BOOLEAN),
          key("steps", Type.LONG),
          key("truncated", Type.BOOLEAN),
          key("truncation_reason", Type.STRING),
          key("truncated_at_step", Type.LONG),
          key("redaction_pattern", Type.STRING));

  static final Map<String, Key> BY_NAME = byName();

  private MetadataKeys() {}

  private static Map<String, Key> byName() {
    Map<String, Key> byName = new HashMap<>();
    for (Key key : KEYS) {
      byName.put(key.name(), key);
    }
    return Map.copyOf(byName);
  }

  private static Key key(String name, Type type) {
    StringBuilder field = new StringBuilder();
    for (String part : name.split("_")) {
      field.append(field.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    Field bound;
    try {
      bound = TraceMetadata.class.getField(field.toString());
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError("no field " + field + " for the key " + name);
    }
    if (bound.getType() != type.javaType) {
      throw new ExceptionInInitializerError("the field " + field + " is not a " + type.javaType.getSimpleName());
    }
    return new Key(name, type, bound);
  }
}
