package dev.codetracer.core.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes events and values in CodeTracer's shapes to any Jackson generator. Objects and arrays
 * are opened with their sizes, so a CBOR generator writes them definite-length, as {@code
 * trace.bin} requires; a JSON generator ignores the sizes.
 */
public final class TraceEventSerializer {
  private TraceEventSerializer() {}

  public static void write(JsonGenerator g, TraceEvent event) throws IOException {
    if (event instanceof TraceEvent.Other e && e.payload() == null) {
      // a unit variant (DropLastStep): serde writes it as its bare name
      g.writeString(e.kind());
      return;
    }
    g.writeStartObject(event, 1);
    if (event instanceof TraceEvent.Path e) {
      g.writeStringField("Path", text(e.path()));
    } else if (event instanceof TraceEvent.Function e) {
      g.writeFieldName("Function");
      g.writeStartObject(e, 3);
      g.writeNumberField("path_id", e.pathId());
      g.writeNumberField("line", e.line());
      g.writeStringField("name", text(e.name()));
      g.writeEndObject();
    } else if (event instanceof TraceEvent.Type e) {
      g.writeFieldName("Type");
      g.writeStartObject(e, 3);
      g.writeNumberField("kind", e.kind());
      g.writeStringField("lang_type", text(e.langType()));
      g.writeFieldName("specific_info");
      writeSpecificInfo(g, e.specificInfo());
      g.writeEndObject();
    } else if (event instanceof TraceEvent.VariableName e) {
      g.writeStringField("VariableName", text(e.name()));
    } else if (event instanceof TraceEvent.Step e) {
      g.writeFieldName("Step");
      g.writeStartObject(e, 2);
      g.writeNumberField("path_id", e.pathId());
      g.writeNumberField("line", e.line());
      g.writeEndObject();
    } else if (event instanceof TraceEvent.Value e) {
      g.writeFieldName("Value");
      writeFullValue(g, e);
    } else if (event instanceof TraceEvent.Call e) {
      g.writeFieldName("Call");
      g.writeStartObject(e, 2);
      g.writeNumberField("function_id", e.functionId());
      g.writeFieldName("args");
      g.writeStartArray(e.args(), e.args().size());
      for (TraceEvent.Value arg : e.args()) {
        writeFullValue(g, arg);
      }
      g.writeEndArray();
      g.writeEndObject();
    } else if (event instanceof TraceEvent.Return e) {
      g.writeFieldName("Return");
      g.writeStartObject(e, 1);
      g.writeFieldName("return_value");
      writeValue(g, e.returnValue());
      g.writeEndObject();
    } else if (event instanceof TraceEvent.Log e) {
      g.writeFieldName("Event");
      g.writeStartObject(e, 3);
      g.writeNumberField("kind", e.kind());
      g.writeStringField("metadata", text(e.metadata()));
      g.writeStringField("content", text(e.content()));
      g.writeEndObject();
    } else if (event instanceof TraceEvent.ThreadStart e) {
      g.writeFieldName("ThreadStart");
      writeUnsigned(g, e.threadId());
    } else if (event instanceof TraceEvent.ThreadExit e) {
      g.writeFieldName("ThreadExit");
      writeUnsigned(g, e.threadId());
    } else if (event instanceof TraceEvent.ThreadSwitch e) {
      g.writeFieldName("ThreadSwitch");
      writeUnsigned(g, e.threadId());
    } else if (event instanceof TraceEvent.DropVariables e) {
      g.writeFieldName("DropVariables");
      g.writeStartArray(e.variableIds(), e.variableIds().size());
      for (long id : e.variableIds()) {
        g.writeNumber(id);
      }
      g.writeEndArray();
    } else if (event instanceof TraceEvent.Other e) {
      g.writeFieldName(e.kind());
      writePayload(g, e.payload());
    } else {
      throw new IllegalArgumentException("unknown event " + event);
    }
    g.writeEndObject();
  }

  static void writeFullValue(JsonGenerator g, TraceEvent.Value value) throws IOException {
    g.writeStartObject(value, 2);
    g.writeNumberField("variable_id", value.variableId());
    g.writeFieldName("value");
    writeValue(g, value.value());
    g.writeEndObject();
  }

  static void writeSpecificInfo(JsonGenerator g, TypeSpecificInfo info) throws IOException {
    if (info instanceof TypeSpecificInfo.Struct s) {
      g.writeStartObject(s, 2);
      g.writeStringField("kind", "Struct");
      g.writeFieldName("fields");
      g.writeStartArray(s.fields(), s.fields().size());
      for (TypeSpecificInfo.Field field : s.fields()) {
        g.writeStartObject(field, 2);
        g.writeStringField("name", text(field.name()));
        g.writeNumberField("type_id", field.typeId());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } else if (info instanceof TypeSpecificInfo.Pointer p) {
      g.writeStartObject(p, 2);
      g.writeStringField("kind", "Pointer");
      g.writeNumberField("dereference_type_id", p.dereferenceTypeId());
      g.writeEndObject();
    } else {
      g.writeStartObject(info, 1);
      g.writeStringField("kind", "None");
      g.writeEndObject();
    }
  }

  public static void writeValue(JsonGenerator g, ValueRecord value) throws IOException {
    if (value instanceof ValueRecord.Int v) {
      startValue(g, v, "Int", 3);
      g.writeNumberField("i", v.i());
    } else if (value instanceof ValueRecord.Float v) {
      startValue(g, v, "Float", 3);
      g.writeStringField("f", v.f());
    } else if (value instanceof ValueRecord.Bool v) {
      startValue(g, v, "Bool", 3);
      g.writeBooleanField("b", v.b());
    } else if (value instanceof ValueRecord.Str v) {
      startValue(g, v, "String", 3);
      g.writeStringField("text", text(v.text()));
    } else if (value instanceof ValueRecord.Char v) {
      startValue(g, v, "Char", 3);
      g.writeStringField("c", text(v.c()));
    } else if (value instanceof ValueRecord.Sequence v) {
      startValue(g, v, "Sequence", 4);
      writeValues(g, "elements", v.elements());
      g.writeBooleanField("is_slice", v.isSlice());
    } else if (value instanceof ValueRecord.Tuple v) {
      startValue(g, v, "Tuple", 3);
      writeValues(g, "elements", v.elements());
    } else if (value instanceof ValueRecord.Struct v) {
      startValue(g, v, "Struct", 3);
      writeValues(g, "field_values", v.fieldValues());
    } else if (value instanceof ValueRecord.Variant v) {
      startValue(g, v, "Variant", 4);
      g.writeStringField("discriminator", text(v.discriminator()));
      g.writeFieldName("contents");
      writeValue(g, v.contents());
    } else if (value instanceof ValueRecord.Reference v) {
      startValue(g, v, "Reference", 5);
      g.writeFieldName("dereferenced");
      writeValue(g, v.dereferenced());
      g.writeFieldName("address");
      writeUnsigned(g, v.address());
      g.writeBooleanField("mutable", v.mutable());
    } else if (value instanceof ValueRecord.Raw v) {
      startValue(g, v, "Raw", 3);
      g.writeStringField("r", text(v.r()));
    } else if (value instanceof ValueRecord.Error v) {
      startValue(g, v, "Error", 3);
      g.writeStringField("msg", text(v.msg()));
    } else if (value instanceof ValueRecord.None v) {
      startValue(g, v, "None", 2);
    } else if (value instanceof ValueRecord.BigInt v) {
      startValue(g, v, "BigInt", 4);
      g.writeStringField("b", v.b());
      g.writeBooleanField("negative", v.negative());
    } else if (value instanceof ValueRecord.Cell v) {
      g.writeStartObject(v, 2);
      g.writeStringField("kind", "Cell");
      g.writeNumberField("place", v.place());
      g.writeEndObject();
      return;
    } else {
      throw new IllegalArgumentException("unknown value " + value);
    }
    g.writeNumberField("type_id", value.typeId());
    g.writeEndObject();
  }

  /**
   * The text with each lone surrogate replaced by U+FFFD. Java strings may hold them (a char
   * variable, a string cut between the halves of a pair); CodeTracer's Rust reader rejects them in
   * JSON and Jackson's CBOR generator refuses to write them.
   */
  static String text(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c) && !isPairAt(s, i)) {
        return replaceLoneSurrogates(s);
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    return s;
  }

  private static boolean isPairAt(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static String replaceLoneSurrogates(String s) {
    StringBuilder clean = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isPairAt(s, i)) {
        clean.append(c).append(s.charAt(++i));
      } else {
        clean.append(Character.isSurrogate(c) ? '\ufffd' : c);
      }
    }
    return clean.toString();
  }

  /** A u64 kept in a long's 64 bits (see {@link TraceEventDecoder}). */
  private static void writeUnsigned(JsonGenerator g, long value) throws IOException {
    if (value >= 0) {
      g.writeNumber(value);
    } else {
      g.writeNumber(new BigInteger(Long.toUnsignedString(value)));
    }
  }

  /** The payload of an {@link TraceEvent.Other}, as the reader produced it (maps, lists, scalars). */
  private static void writePayload(JsonGenerator g, Object payload) throws IOException {
    if (payload == null) {
      g.writeNull();
    } else if (payload instanceof Map<?, ?> map) {
      g.writeStartObject(map, map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        g.writeFieldName(String.valueOf(entry.getKey()));
        writePayload(g, entry.getValue());
      }
      g.writeEndObject();
    } else if (payload instanceof List<?> list) {
      g.writeStartArray(list, list.size());
      for (Object element : list) {
        writePayload(g, element);
      }
      g.writeEndArray();
    } else if (payload instanceof String s) {
      g.writeString(text(s));
    } else if (payload instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (payload instanceof BigInteger n) {
      g.writeNumber(n);
    } else if (payload instanceof Double || payload instanceof java.lang.Float) {
      g.writeNumber(((Number) payload).doubleValue());
    } else if (payload instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (payload instanceof byte[] bytes) {
      g.writeBinary(bytes);
    } else {
      throw new IllegalArgumentException("cannot write a payload of " + payload.getClass().getName());
    }
  }

  private static void startValue(JsonGenerator g, ValueRecord v, String kind, int fields) throws IOException {
    g.writeStartObject(v, fields);
    g.writeStringField("kind", kind);
  }

  private static void writeValues(JsonGenerator g, String name, List<ValueRecord> values) throws IOException {
    g.writeFieldName(name);
    g.writeStartArray(values, values.size());
    for (ValueRecord element : values) {
      writeValue(g, element);
    }
    g.writeEndArray();
  }
}
