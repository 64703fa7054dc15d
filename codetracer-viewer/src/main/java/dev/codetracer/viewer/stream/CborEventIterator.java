package dev.codetracer.viewer.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.codetracer.core.trace.InvalidTraceException;
import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TraceReader;
import dev.codetracer.core.trace.ValueRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Events of a {@code trace.bin} body from an offset on. The core's reader only opens whole files,
 * so each CBOR item is turned into its JSON text (floats to the text form JSON requires, byte
 * strings to base64) and decoded by the core's JSON reader: one decoder, one set of rules.
 */
final class CborEventIterator implements Iterator<TraceEvent> {
  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder().maxNestingDepth(2_000).maxStringLength(Integer.MAX_VALUE / 2).build();
  private static final CBORFactory CBOR = CBORFactory.builder().streamReadConstraints(CONSTRAINTS).build();
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonParser parser;
  private final String source;
  private TraceEvent lookahead;
  private boolean finished;

  CborEventIterator(InputStream body, String source) {
    this.source = source;
    try {
      this.parser = CBOR.createParser(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean hasNext() {
    if (lookahead == null && !finished) {
      lookahead = readNext();
      finished = lookahead == null;
    }
    return lookahead != null;
  }

  @Override
  public TraceEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    TraceEvent event = lookahead;
    lookahead = null;
    return event;
  }

  private TraceEvent readNext() {
    try {
      if (parser.nextToken() == null) {
        parser.close();
        return null;
      }
      ByteArrayOutputStream json = new ByteArrayOutputStream(256);
      json.write('[');
      try (JsonGenerator generator = JSON.createGenerator(json)) {
        copy(generator);
      }
      json.write(']');
      try (TraceReader reader = TraceReader.fromJson(new ByteArrayInputStream(json.toByteArray()), source)) {
        return reader.next();
      }
    } catch (IOException e) {
      throw new InvalidTraceException(source + ": malformed CBOR: " + e.getMessage(), e);
    }
  }

  private void copy(JsonGenerator out) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        out.writeStartObject();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          out.writeFieldName(parser.currentName());
          parser.nextToken();
          copy(out);
        }
        out.writeEndObject();
      }
      case START_ARRAY -> {
        out.writeStartArray();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          copy(out);
        }
        out.writeEndArray();
      }
      case VALUE_STRING -> out.writeString(parser.getText());
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          out.writeNumber(parser.getBigIntegerValue());
        } else {
          out.writeNumber(parser.getLongValue());
        }
      }
      case VALUE_NUMBER_FLOAT -> out.writeString(ValueRecord.Float.text(parser.getDoubleValue()));
      case VALUE_TRUE -> out.writeBoolean(true);
      case VALUE_FALSE -> out.writeBoolean(false);
      case VALUE_EMBEDDED_OBJECT -> {
        Object embedded = parser.getEmbeddedObject();
        if (embedded instanceof byte[] bytes) {
          out.writeString(Base64.getEncoder().encodeToString(bytes));
        } else {
          out.writeNull();
        }
      }
      default -> out.writeNull();
    }
  }
}
