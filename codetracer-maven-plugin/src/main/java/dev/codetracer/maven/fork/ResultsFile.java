package dev.codetracer.maven.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes the fork's outcomes as JSON ({@code {"tests":[{...}]}}, one flat object of strings and
 * numbers per test), by hand: the forked JVM has no JSON library of ours on its class path.
 */
final class ResultsFile {
  private ResultsFile() {}

  static void write(Path file, List<Map<String, Object>> tests) throws IOException {
    StringBuilder json = new StringBuilder("{\"tests\":[");
    for (int i = 0; i < tests.size(); i++) {
      json.append(i == 0 ? "\n" : ",\n");
      appendObject(json, tests.get(i));
    }
    json.append("\n]}\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, json, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void appendObject(StringBuilder json, Map<String, Object> object) {
    json.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> entry : object.entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      if (!first) {
        json.append(',');
      }
      first = false;
      appendString(json, entry.getKey());
      json.append(':');
      Object value = entry.getValue();
      if (value instanceof Number || value instanceof Boolean) {
        json.append(value);
      } else {
        appendString(json, value.toString());
      }
    }
    json.append('}');
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
