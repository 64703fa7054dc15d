package dev.codetracer.core.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codetracer.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads, validates and writes {@code trace_metadata.json}. Validation names the first wrong key
 * and what it should be, so a user can fix a hand-edited or damaged file.
 */
public final class TraceMetadataFile {
  public static final String NAME = "trace_metadata.json";

  private static final Map<String, JsonNodeType> REQUIRED =
      Map.of("program", JsonNodeType.STRING, "args", JsonNodeType.ARRAY, "workdir", JsonNodeType.STRING);

  private static final Map<String, JsonNodeType> OPTIONAL =
      Map.ofEntries(
          Map.entry("format_version", JsonNodeType.NUMBER),
          Map.entry("recording_id", JsonNodeType.STRING),
          Map.entry("backend", JsonNodeType.STRING),
          Map.entry("language", JsonNodeType.STRING),
          Map.entry("recorder_name", JsonNodeType.STRING),
          Map.entry("recorder_version", JsonNodeType.STRING),
          Map.entry("start_time", JsonNodeType.STRING),
          Map.entry("duration_ms", JsonNodeType.NUMBER),
          Map.entry("exit_code", JsonNodeType.NUMBER),
          Map.entry("signal", JsonNodeType.STRING),
          Map.entry("test_id", JsonNodeType.STRING),
          Map.entry("test_name", JsonNodeType.STRING),
          Map.entry("test_outcome", JsonNodeType.STRING),
          Map.entry("reproduced", JsonNodeType.BOOLEAN),
          Map.entry("steps", JsonNodeType.NUMBER),
          Map.entry("truncated", JsonNodeType.BOOLEAN),
          Map.entry("truncated_at_step", JsonNodeType.NUMBER));

  private TraceMetadataFile() {}

  public static TraceMetadata read(Path folder) {
    Path file = folder.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      throw new InvalidRecordingException(folder + " is not a recording: it has no " + NAME);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    } catch (IOException e) {
      throw new InvalidRecordingException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses and validates; the error message starts with the file name. */
  public static TraceMetadata parse(InputStream in) {
    JsonNode node = RecordingJson.parse(NAME, in);
    return fromTree(node);
  }

  static TraceMetadata fromTree(JsonNode node) {
    if (!(node instanceof ObjectNode)) {
      throw invalid("must be a JSON object, not " + describe(node.getNodeType()));
    }
    REQUIRED.forEach(
        (key, type) -> {
          if (!node.has(key) || node.get(key).isNull()) {
            throw invalid("has no \"" + key + "\"");
          }
          checkType(node, key, type);
        });
    OPTIONAL.forEach(
        (key, type) -> {
          if (node.has(key) && !node.get(key).isNull()) {
            checkType(node, key, type);
          }
        });
    for (JsonNode arg : node.get("args")) {
      if (!arg.isTextual()) {
        throw invalid("\"args\" must be an array of strings, but holds " + arg);
      }
    }
    JsonNode version = node.get("format_version");
    if (version != null && !version.isNull()) {
      if (!version.canConvertToExactIntegral()) {
        throw invalid("\"format_version\" must be an integer, not " + version);
      }
      int v = version.asInt();
      if (v < 1 || v > TraceMetadata.FORMAT_VERSION) {
        throw invalid(
            "has format_version "
                + v
                + ", which this codetracer cannot read (it reads 1 to "
                + TraceMetadata.FORMAT_VERSION
                + "); upgrade codetracer");
      }
    }
    JsonNode id = node.get("recording_id");
    if (id != null && !id.isNull() && !RecordingId.isValid(id.asText())) {
      throw invalid("\"recording_id\" is not a UUID: \"" + id.asText() + "\"");
    }
    try {
      return RecordingJson.MAPPER.treeToValue(node, TraceMetadata.class);
    } catch (IOException e) {
      throw invalid("cannot be read: " + e.getMessage());
    }
  }

  public static void write(Path folder, TraceMetadata metadata) {
    try {
      AtomicFiles.write(folder.resolve(NAME), toBytes(metadata));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(NAME), e);
    }
  }

  public static byte[] toBytes(TraceMetadata metadata) {
    try {
      return RecordingJson.MAPPER.writeValueAsBytes(metadata);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkType(JsonNode node, String key, JsonNodeType expected) {
    JsonNodeType actual = node.get(key).getNodeType();
    if (actual != expected) {
      throw invalid(
          "\"" + key + "\" must be " + describe(expected) + ", not " + describe(actual) + " (" + node.get(key) + ")");
    }
  }

  private static InvalidRecordingException invalid(String what) {
    return new InvalidRecordingException(NAME + " " + what);
  }

  private static String describe(JsonNodeType type) {
    switch (type) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case NUMBER:
        return "a number";
      case STRING:
        return "a string";
      case BOOLEAN:
        return "true or false";
      case NULL:
        return "null";
      default:
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
