package dev.codetracer.core.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The JSON mapper for the small JSON files of a recording, and their error messages. */
public final class RecordingJson {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RecordingJson() {}

  /** Parses a whole JSON document, naming the file and the position of a syntax error. */
  public static JsonNode parse(String fileName, InputStream in) {
    try {
      JsonNode node = MAPPER.readTree(in);
      if (node == null || node.isMissingNode()) {
        throw new InvalidRecordingException(fileName + " is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidRecordingException(
          fileName + " is not valid JSON (" + e.getOriginalMessage() + locationOf(e) + ")", e);
    } catch (IOException e) {
      throw new InvalidRecordingException("cannot read " + fileName + ": " + e.getMessage(), e);
    }
  }

  public static JsonNode parse(Path file) {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      return parse(file.getFileName().toString(), in);
    } catch (IOException e) {
      throw new InvalidRecordingException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
