package dev.codetracer.core.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading and writing the small JSON files of a recording (metadata, paths, function index), and
 * their error messages. Jackson-jr binds them to maps, lists and scalars: it starts in a tenth of
 * the time of an object mapper, which matters inside a test JVM finishing its first recording.
 */
public final class RecordingJson {
  private static final JSON JSON_FILES =
      JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.PRESERVE_FIELD_ORDERING, JSON.Feature.WRITE_NULL_PROPERTIES);

  private RecordingJson() {}

  /**
   * Parses a whole JSON document into maps, lists, strings, numbers, booleans and nulls, naming
   * the file and the position of a syntax error.
   *
   * @return the document's value; a JSON {@code null} is returned as {@code null}
   */
  public static Object parse(String fileName, InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new InvalidRecordingException("cannot read " + fileName + ": " + e.getMessage(), e);
    }
    if (isBlank(bytes)) {
      throw new InvalidRecordingException(fileName + " is empty");
    }
    try {
      return JSON_FILES.anyFrom(bytes);
    } catch (JsonProcessingException e) {
      throw new InvalidRecordingException(
          fileName + " is not valid JSON (" + e.getOriginalMessage() + locationOf(e) + ")", e);
    } catch (IOException e) {
      throw new InvalidRecordingException("cannot read " + fileName + ": " + e.getMessage(), e);
    }
  }

  public static Object parse(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(file.getFileName().toString(), in);
    } catch (IOException e) {
      throw new InvalidRecordingException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Indented JSON of maps, lists, strings, numbers and booleans, as UTF-8. */
  public static byte[] toBytes(Object value) {
    try {
      return JSON_FILES.asBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented JSON of maps, lists, strings, numbers and booleans. */
  public static String toJson(Object value) {
    return new String(toBytes(value), StandardCharsets.UTF_8);
  }

  /** Nothing but JSON's whitespace (space, tab, line feed, carriage return). */
  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
