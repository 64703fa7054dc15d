package dev.codetracer.core.recording;

import dev.codetracer.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads, validates and writes {@code trace_metadata.json}. Validation names the first wrong key
 * and what it should be, so a user can fix a hand-edited or damaged file.
 */
public final class TraceMetadataFile {
  public static final String NAME = "trace_metadata.json";

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
    return fromJson(RecordingJson.parse(NAME, in));
  }

  /** Validates a parsed document (see {@link RecordingJson#parse}) and binds it. */
  static TraceMetadata fromJson(Object document) {
    if (!(document instanceof Map<?, ?> map)) {
      throw invalid("must be a JSON object, not " + describe(document));
    }
    for (String key : MetadataKeys.REQUIRED) {
      if (map.get(key) == null) {
        throw invalid("has no \"" + key + "\"");
      }
    }
    TraceMetadata metadata = new TraceMetadata();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = (String) entry.getKey();
      MetadataKeys.Key known = MetadataKeys.BY_NAME.get(key);
      if (known == null) {
        metadata.put(key, entry.getValue());
      } else if (entry.getValue() != null) {
        known.set(metadata, checked(known, entry.getValue()));
      }
    }
    return metadata;
  }

  private static Object checked(MetadataKeys.Key key, Object value) {
    boolean fits =
        switch (key.type()) {
          case STRING -> value instanceof String;
          case INTEGER, LONG -> value instanceof Number;
          case BOOLEAN -> value instanceof Boolean;
          case STRINGS -> value instanceof List;
        };
    if (!fits) {
      throw invalid(
          "\"" + key.name() + "\" must be " + key.type().description + ", not " + describe(value) + " (" + compact(value) + ")");
    }
    switch (key.type()) {
      case INTEGER, LONG -> checkWhole(key, (Number) value);
      case STRINGS -> {
        for (Object element : (List<?>) value) {
          if (!(element instanceof String)) {
            throw invalid("\"" + key.name() + "\" must be an array of strings, but holds " + compact(element));
          }
        }
      }
      default -> {}
    }
    if (key.name().equals("format_version")) {
      checkFormatVersion(((Number) value).longValue());
    }
    if (key.name().equals("recording_id") && !RecordingId.isValid((String) value)) {
      throw invalid("\"recording_id\" is not a UUID: \"" + value + "\"");
    }
    return value;
  }

  private static void checkWhole(MetadataKeys.Key key, Number value) {
    boolean whole =
        value instanceof Integer
            || value instanceof Long
            || (value instanceof BigInteger big && big.bitLength() < 64)
            || (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53);
    boolean fits = whole && (key.type() == MetadataKeys.Type.LONG || value.longValue() == value.intValue());
    if (!fits) {
      throw invalid("\"" + key.name() + "\" must be an integer, not " + value);
    }
  }

  private static void checkFormatVersion(long version) {
    if (version < 1 || version > TraceMetadata.FORMAT_VERSION) {
      throw invalid(
          "has format_version "
              + version
              + ", which this codetracer cannot read (it reads 1 to "
              + TraceMetadata.FORMAT_VERSION
              + "); upgrade codetracer");
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
    return RecordingJson.toBytes(toJson(metadata));
  }

  /** The document: the known keys that are set, in their order, then the other keys as read. */
  public static Map<String, Object> toJson(TraceMetadata metadata) {
    Map<String, Object> document = new LinkedHashMap<>();
    for (MetadataKeys.Key key : MetadataKeys.KEYS) {
      Object value = key.get(metadata);
      if (value != null) {
        document.put(key.name(), value);
      }
    }
    metadata.extra().forEach(document::putIfAbsent);
    return document;
  }

  private static InvalidRecordingException invalid(String what) {
    return new InvalidRecordingException(NAME + " " + what);
  }

  private static String compact(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String describe(Object value) {
    if (value instanceof Map) {
      return "an object";
    } else if (value instanceof List) {
      return "an array";
    } else if (value instanceof Number) {
      return "a number";
    } else if (value instanceof String) {
      return "a string";
    } else if (value instanceof Boolean) {
      return "true or false";
    }
    return "null";
  }
}
