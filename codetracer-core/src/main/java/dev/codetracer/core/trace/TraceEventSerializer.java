package dev.codetracer.core.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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
  // Field names pre-encoded once: the generators write their cached UTF-8 bytes (encoding each
  // name afresh was most of the time of writing trace.bin).
  private static final SerializedString EVENT_CALL = new SerializedString("Call");
  private static final SerializedString EVENT_DROP_VARIABLES = new SerializedString("DropVariables");
  private static final SerializedString EVENT_EVENT = new SerializedString("Event");
  private static final SerializedString EVENT_FUNCTION = new SerializedString("Function");
  private static final SerializedString EVENT_PATH = new SerializedString("Path");
  private static final SerializedString EVENT_RETURN = new SerializedString("Return");
  private static final SerializedString EVENT_STEP = new SerializedString("Step");
  private static final SerializedString EVENT_THREAD_EXIT = new SerializedString("ThreadExit");
  private static final SerializedString EVENT_THREAD_START = new SerializedString("ThreadStart");
  private static final SerializedString EVENT_THREAD_SWITCH = new SerializedString("ThreadSwitch");
  private static final SerializedString EVENT_TYPE = new SerializedString("Type");
  private static final SerializedString EVENT_VALUE = new SerializedString("Value");
  private static final SerializedString EVENT_VARIABLE_NAME = new SerializedString("VariableName");
  private static final SerializedString FIELD_ADDRESS = new SerializedString("address");
  private static final SerializedString FIELD_ARGS = new SerializedString("args");
  private static final SerializedString FIELD_B = new SerializedString("b");
  private static final SerializedString FIELD_C = new SerializedString("c");
  private static final SerializedString FIELD_CONTENT = new SerializedString("content");
  private static final SerializedString FIELD_CONTENTS = new SerializedString("contents");
  private static final SerializedString FIELD_DEREFERENCED = new SerializedString("dereferenced");
  private static final SerializedString FIELD_DEREFERENCE_TYPE_ID = new SerializedString("dereference_type_id");
  private static final SerializedString FIELD_DISCRIMINATOR = new SerializedString("discriminator");
  private static final SerializedString FIELD_F = new SerializedString("f");
  private static final SerializedString FIELD_FIELDS = new SerializedString("fields");
  private static final SerializedString FIELD_FUNCTION_ID = new SerializedString("function_id");
  private static final SerializedString FIELD_I = new SerializedString("i");
  private static final SerializedString FIELD_IS_SLICE = new SerializedString("is_slice");
  private static final SerializedString FIELD_KIND = new SerializedString("kind");
  private static final SerializedString FIELD_LANG_TYPE = new SerializedString("lang_type");
  private static final SerializedString FIELD_LINE = new SerializedString("line");
  private static final SerializedString FIELD_METADATA = new SerializedString("metadata");
  private static final SerializedString FIELD_MSG = new SerializedString("msg");
  private static final SerializedString FIELD_MUTABLE = new SerializedString("mutable");
  private static final SerializedString FIELD_NAME = new SerializedString("name");
  private static final SerializedString FIELD_NEGATIVE = new SerializedString("negative");
  private static final SerializedString FIELD_PATH_ID = new SerializedString("path_id");
  private static final SerializedString FIELD_PLACE = new SerializedString("place");
  private static final SerializedString FIELD_R = new SerializedString("r");
  private static final SerializedString FIELD_RETURN_VALUE = new SerializedString("return_value");
  private static final SerializedString FIELD_SPECIFIC_INFO = new SerializedString("specific_info");
  private static final SerializedString FIELD_TEXT = new SerializedString("text");
  private static final SerializedString FIELD_TYPE_ID = new SerializedString("type_id");
  private static final SerializedString FIELD_VALUE = new SerializedString("value");
  private static final SerializedString FIELD_VARIABLE_ID = new SerializedString("variable_id");
  private static final SerializedString FIELD_ELEMENTS = new SerializedString("elements");
  private static final SerializedString FIELD_FIELD_VALUES = new SerializedString("field_values");
  // and so are the constant kind tags of values and type infos
  private static final SerializedString KIND_BIGINT = new SerializedString("BigInt");
  private static final SerializedString KIND_BOOL = new SerializedString("Bool");
  private static final SerializedString KIND_CELL = new SerializedString("Cell");
  private static final SerializedString KIND_CHAR = new SerializedString("Char");
  private static final SerializedString KIND_ERROR = new SerializedString("Error");
  private static final SerializedString KIND_FLOAT = new SerializedString("Float");
  private static final SerializedString KIND_INT = new SerializedString("Int");
  private static final SerializedString KIND_NONE = new SerializedString("None");
  private static final SerializedString KIND_POINTER = new SerializedString("Pointer");
  private static final SerializedString KIND_RAW = new SerializedString("Raw");
  private static final SerializedString KIND_REFERENCE = new SerializedString("Reference");
  private static final SerializedString KIND_SEQUENCE = new SerializedString("Sequence");
  private static final SerializedString KIND_STRING = new SerializedString("String");
  private static final SerializedString KIND_STRUCT = new SerializedString("Struct");
  private static final SerializedString KIND_TUPLE = new SerializedString("Tuple");
  private static final SerializedString KIND_VARIANT = new SerializedString("Variant");

  private TraceEventSerializer() {}

  public static void write(JsonGenerator g, TraceEvent event) throws IOException {
    if (event instanceof TraceEvent.Other e && e.payload() == null) {
      // a unit variant (DropLastStep): serde writes it as its bare name
      g.writeString(e.kind());
      return;
    }
    g.writeStartObject(event, 1);
    if (event instanceof TraceEvent.Path e) {
      g.writeFieldName(EVENT_PATH);
      g.writeString(text(e.path()));
    } else if (event instanceof TraceEvent.Function e) {
      g.writeFieldName(EVENT_FUNCTION);
      g.writeStartObject(e, 3);
      g.writeFieldName(FIELD_PATH_ID);
      g.writeNumber(e.pathId());
      g.writeFieldName(FIELD_LINE);
      g.writeNumber(e.line());
      g.writeFieldName(FIELD_NAME);
      g.writeString(text(e.name()));
      g.writeEndObject();
    } else if (event instanceof TraceEvent.Type e) {
      g.writeFieldName(EVENT_TYPE);
      g.writeStartObject(e, 3);
      g.writeFieldName(FIELD_KIND);
      g.writeNumber(e.kind());
      g.writeFieldName(FIELD_LANG_TYPE);
      g.writeString(text(e.langType()));
      g.writeFieldName(FIELD_SPECIFIC_INFO);
      writeSpecificInfo(g, e.specificInfo());
      g.writeEndObject();
    } else if (event instanceof TraceEvent.VariableName e) {
      g.writeFieldName(EVENT_VARIABLE_NAME);
      g.writeString(text(e.name()));
    } else if (event instanceof TraceEvent.Step e) {
      g.writeFieldName(EVENT_STEP);
      g.writeStartObject(e, 2);
      g.writeFieldName(FIELD_PATH_ID);
      g.writeNumber(e.pathId());
      g.writeFieldName(FIELD_LINE);
      g.writeNumber(e.line());
      g.writeEndObject();
    } else if (event instanceof TraceEvent.Value e) {
      g.writeFieldName(EVENT_VALUE);
      writeFullValue(g, e);
    } else if (event instanceof TraceEvent.Call e) {
      g.writeFieldName(EVENT_CALL);
      g.writeStartObject(e, 2);
      g.writeFieldName(FIELD_FUNCTION_ID);
      g.writeNumber(e.functionId());
      g.writeFieldName(FIELD_ARGS);
      g.writeStartArray(e.args(), e.args().size());
      for (TraceEvent.Value arg : e.args()) {
        writeFullValue(g, arg);
      }
      g.writeEndArray();
      g.writeEndObject();
    } else if (event instanceof TraceEvent.Return e) {
      g.writeFieldName(EVENT_RETURN);
      g.writeStartObject(e, 1);
      g.writeFieldName(FIELD_RETURN_VALUE);
      writeValue(g, e.returnValue());
      g.writeEndObject();
    } else if (event instanceof TraceEvent.Log e) {
      g.writeFieldName(EVENT_EVENT);
      g.writeStartObject(e, 3);
      g.writeFieldName(FIELD_KIND);
      g.writeNumber(e.kind());
      g.writeFieldName(FIELD_METADATA);
      g.writeString(text(e.metadata()));
      g.writeFieldName(FIELD_CONTENT);
      g.writeString(text(e.content()));
      g.writeEndObject();
    } else if (event instanceof TraceEvent.ThreadStart e) {
      g.writeFieldName(EVENT_THREAD_START);
      writeUnsigned(g, e.threadId());
    } else if (event instanceof TraceEvent.ThreadExit e) {
      g.writeFieldName(EVENT_THREAD_EXIT);
      writeUnsigned(g, e.threadId());
    } else if (event instanceof TraceEvent.ThreadSwitch e) {
      g.writeFieldName(EVENT_THREAD_SWITCH);
      writeUnsigned(g, e.threadId());
    } else if (event instanceof TraceEvent.DropVariables e) {
      g.writeFieldName(EVENT_DROP_VARIABLES);
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
    g.writeFieldName(FIELD_VARIABLE_ID);
    g.writeNumber(value.variableId());
    g.writeFieldName(FIELD_VALUE);
    writeValue(g, value.value());
    g.writeEndObject();
  }

  static void writeSpecificInfo(JsonGenerator g, TypeSpecificInfo info) throws IOException {
    if (info instanceof TypeSpecificInfo.Struct s) {
      g.writeStartObject(s, 2);
      g.writeFieldName(FIELD_KIND);
      g.writeString(KIND_STRUCT);
      g.writeFieldName(FIELD_FIELDS);
      g.writeStartArray(s.fields(), s.fields().size());
      for (TypeSpecificInfo.Field field : s.fields()) {
        g.writeStartObject(field, 2);
        g.writeFieldName(FIELD_NAME);
        g.writeString(text(field.name()));
        g.writeFieldName(FIELD_TYPE_ID);
        g.writeNumber(field.typeId());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } else if (info instanceof TypeSpecificInfo.Pointer p) {
      g.writeStartObject(p, 2);
      g.writeFieldName(FIELD_KIND);
      g.writeString(KIND_POINTER);
      g.writeFieldName(FIELD_DEREFERENCE_TYPE_ID);
      g.writeNumber(p.dereferenceTypeId());
      g.writeEndObject();
    } else {
      g.writeStartObject(info, 1);
      g.writeFieldName(FIELD_KIND);
      g.writeString(KIND_NONE);
      g.writeEndObject();
    }
  }

  public static void writeValue(JsonGenerator g, ValueRecord value) throws IOException {
    if (value instanceof ValueRecord.Int v) {
      startValue(g, v, KIND_INT, 3);
      g.writeFieldName(FIELD_I);
      g.writeNumber(v.i());
    } else if (value instanceof ValueRecord.Float v) {
      startValue(g, v, KIND_FLOAT, 3);
      g.writeFieldName(FIELD_F);
      g.writeString(v.f());
    } else if (value instanceof ValueRecord.Bool v) {
      startValue(g, v, KIND_BOOL, 3);
      g.writeFieldName(FIELD_B);
      g.writeBoolean(v.b());
    } else if (value instanceof ValueRecord.Str v) {
      startValue(g, v, KIND_STRING, 3);
      g.writeFieldName(FIELD_TEXT);
      g.writeString(text(v.text()));
    } else if (value instanceof ValueRecord.Char v) {
      startValue(g, v, KIND_CHAR, 3);
      g.writeFieldName(FIELD_C);
      g.writeString(text(v.c()));
    } else if (value instanceof ValueRecord.Sequence v) {
      startValue(g, v, KIND_SEQUENCE, 4);
      writeValues(g, FIELD_ELEMENTS, v.elements());
      g.writeFieldName(FIELD_IS_SLICE);
      g.writeBoolean(v.isSlice());
    } else if (value instanceof ValueRecord.Tuple v) {
      startValue(g, v, KIND_TUPLE, 3);
      writeValues(g, FIELD_ELEMENTS, v.elements());
    } else if (value instanceof ValueRecord.Struct v) {
      startValue(g, v, KIND_STRUCT, 3);
      writeValues(g, FIELD_FIELD_VALUES, v.fieldValues());
    } else if (value instanceof ValueRecord.Variant v) {
      startValue(g, v, KIND_VARIANT, 4);
      g.writeFieldName(FIELD_DISCRIMINATOR);
      g.writeString(text(v.discriminator()));
      g.writeFieldName(FIELD_CONTENTS);
      writeValue(g, v.contents());
    } else if (value instanceof ValueRecord.Reference v) {
      startValue(g, v, KIND_REFERENCE, 5);
      g.writeFieldName(FIELD_DEREFERENCED);
      writeValue(g, v.dereferenced());
      g.writeFieldName(FIELD_ADDRESS);
      writeUnsigned(g, v.address());
      g.writeFieldName(FIELD_MUTABLE);
      g.writeBoolean(v.mutable());
    } else if (value instanceof ValueRecord.Raw v) {
      startValue(g, v, KIND_RAW, 3);
      g.writeFieldName(FIELD_R);
      g.writeString(text(v.r()));
    } else if (value instanceof ValueRecord.Error v) {
      startValue(g, v, KIND_ERROR, 3);
      g.writeFieldName(FIELD_MSG);
      g.writeString(text(v.msg()));
    } else if (value instanceof ValueRecord.None v) {
      startValue(g, v, KIND_NONE, 2);
    } else if (value instanceof ValueRecord.BigInt v) {
      startValue(g, v, KIND_BIGINT, 4);
      g.writeFieldName(FIELD_B);
      g.writeString(v.b());
      g.writeFieldName(FIELD_NEGATIVE);
      g.writeBoolean(v.negative());
    } else if (value instanceof ValueRecord.Cell v) {
      g.writeStartObject(v, 2);
      g.writeFieldName(FIELD_KIND);
      g.writeString(KIND_CELL);
      g.writeFieldName(FIELD_PLACE);
      g.writeNumber(v.place());
      g.writeEndObject();
      return;
    } else {
      throw new IllegalArgumentException("unknown value " + value);
    }
    g.writeFieldName(FIELD_TYPE_ID);
    g.writeNumber(value.typeId());
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

  private static void startValue(JsonGenerator g, ValueRecord v, SerializedString kind, int fields) throws IOException {
    g.writeStartObject(v, fields);
    g.writeFieldName(FIELD_KIND);
    g.writeString(kind);
  }

  private static void writeValues(JsonGenerator g, SerializedString name, List<ValueRecord> values) throws IOException {
    g.writeFieldName(name);
    g.writeStartArray(values, values.size());
    for (ValueRecord element : values) {
      writeValue(g, element);
    }
    g.writeEndArray();
  }
}
