package dev.codetracer.junit.runner;

import java.util.List;
import java.util.Map;

/**
 * JSON text of maps, lists, strings, numbers and booleans, written by hand: the runner's JVM has
 * the user's test class path, and no JSON library of ours may be put on it. Null map values are
 * left out; each element of a list starts a line, so a large file stays readable.
 */
final class JsonWriter {
  private JsonWriter() {}

  static String write(Object value) {
    StringBuilder json = new StringBuilder();
    append(json, value);
    return json.append('\n').toString();
  }

  private static void append(StringBuilder json, Object value) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Map<?, ?>) {
      appendObject(json, (Map<?, ?>) value);
    } else if (value instanceof List<?>) {
      appendArray(json, (List<?>) value);
    } else if (value instanceof Number || value instanceof Boolean) {
      json.append(value);
    } else {
      appendString(json, value.toString());
    }
  }

  private static void appendObject(StringBuilder json, Map<?, ?> object) {
    json.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      json.append(first ? "" : ",");
      first = false;
      appendString(json, entry.getKey().toString());
      json.append(':');
      append(json, entry.getValue());
    }
    json.append('}');
  }

  private static void appendArray(StringBuilder json, List<?> array) {
    json.append('[');
    for (int i = 0; i < array.size(); i++) {
      json.append(i == 0 ? "\n" : ",\n");
      append(json, array.get(i));
    }
    json.append(array.isEmpty() ? "]" : "\n]");
  }

  static void appendString(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          json.append("\\\"");
          break;
        case '\\':
          json.append("\\\\");
          break;
        case '\n':
          json.append("\\n");
          break;
        case '\r':
          json.append("\\r");
          break;
        case '\t':
          json.append("\\t");
          break;
        default:
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
      }
    }
    json.append('"');
  }
}
