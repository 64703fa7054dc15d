package dev.codetracer.core.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the tokens of one event (from a JSON or a CBOR parser) into a {@link TraceEvent}, with the
 * tolerance of CodeTracer's serde reader: object keys in any order, unknown keys ignored, {@code
 * Call.args} optional, and nothing else missing. Kinds this project does not model become {@link
 * TraceEvent.Other}; the backward-compatible {@code Variable} becomes a {@link
 * TraceEvent.VariableName}, which is how CodeTracer treats it.
 *
 * <p>In CBOR it also accepts what newer CodeTracer writers put there: a float as a CBOR float and a
 * big integer's magnitude as a byte string.
 */
final class TraceEventDecoder {

  /** What is wrong with the event being decoded; the reader adds where it is. */
  static final class EventProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    EventProblem(String kind, String message) {
      super(message, null, false, false);
      this.kind = kind;
    }

    String kind() {
      return kind;
    }
  }

  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private final boolean binary;
  private String kind;

  TraceEventDecoder(boolean binary) {
    this.binary = binary;
  }

  /** The kind of the event decoded last (or being decoded), for error messages; null before its key. */
  String kind() {
    return kind;
  }

  /** Decodes the event whose first token the parser is on; leaves the parser on its last token. */
  TraceEvent decode(JsonParser p) throws IOException {
    kind = null;
    JsonToken start = p.currentToken();
    if (start == JsonToken.VALUE_STRING) {
      kind = p.getText();
      if (!kind.equals("DropLastStep")) {
        throw problem("an event given as a bare string must be a unit event like DropLastStep, found \"" + kind + "\"");
      }
      return new TraceEvent.Other(kind, null);
    }
    if (start != JsonToken.START_OBJECT) {
      throw problem("an event must be an object with one key (its kind), found " + describe(p));
    }
    if (p.nextToken() != JsonToken.FIELD_NAME) {
      throw problem("an event must be an object with one key (its kind), found an empty object");
    }
    kind = p.currentName();
    p.nextToken();
    TraceEvent event = payload(p);
    if (p.nextToken() != JsonToken.END_OBJECT) {
      throw problem("an event must be an object with exactly one key, found a second key \"" + p.currentName() + "\"");
    }
    return event;
  }

  private TraceEvent payload(JsonParser p) throws IOException {
    return switch (kind) {
      case "Path" -> new TraceEvent.Path(string(p, "Path"));
      case "VariableName", "Variable" -> new TraceEvent.VariableName(string(p, kind));
      case "Function" -> function(p);
      case "Type" -> type(p);
      case "Step" -> step(p);
      case "Value" -> fullValue(p, "Value");
      case "Call" -> call(p);
      case "Return" -> returnEvent(p);
      case "Event" -> log(p);
      case "ThreadStart" -> new TraceEvent.ThreadStart(unsigned64(p, kind));
      case "ThreadExit" -> new TraceEvent.ThreadExit(unsigned64(p, kind));
      case "ThreadSwitch" -> new TraceEvent.ThreadSwitch(unsigned64(p, kind));
      case "DropVariables" -> dropVariables(p);
      default -> new TraceEvent.Other(kind, generic(p));
    };
  }

  private TraceEvent function(JsonParser p) throws IOException {
    expectObject(p, "Function");
    Long pathId = null;
    Long line = null;
    String name = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "path_id" -> pathId = id(p, field);
        case "line" -> line = signed64(p, field);
        case "name" -> name = string(p, field);
        default -> p.skipChildren();
      }
    }
    return new TraceEvent.Function(required(pathId, "path_id"), required(line, "line"), required(name, "name"));
  }

  private TraceEvent type(JsonParser p) throws IOException {
    expectObject(p, "Type");
    Integer typeKind = null;
    String langType = null;
    TypeSpecificInfo info = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "kind" -> typeKind = enumNumber(p, field, TypeKind.MAX, "TypeKind");
        case "lang_type" -> langType = string(p, field);
        case "specific_info" -> info = specificInfo(p);
        default -> p.skipChildren();
      }
    }
    return new TraceEvent.Type(required(typeKind, "kind"), required(langType, "lang_type"), required(info, "specific_info"));
  }

  private TypeSpecificInfo specificInfo(JsonParser p) throws IOException {
    expectObject(p, "specific_info");
    String infoKind = null;
    List<TypeSpecificInfo.Field> fields = null;
    Long dereferenceTypeId = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "kind" -> infoKind = string(p, "specific_info.kind");
        case "fields" -> fields = structFields(p);
        case "dereference_type_id" -> dereferenceTypeId = id(p, field);
        default -> p.skipChildren();
      }
    }
    String kindName = required(infoKind, "specific_info.kind");
    return switch (kindName) {
      case "None" -> TypeSpecificInfo.NONE;
      case "Struct" -> new TypeSpecificInfo.Struct(required(fields, "specific_info.fields"));
      case "Pointer" -> new TypeSpecificInfo.Pointer(required(dereferenceTypeId, "specific_info.dereference_type_id"));
      default -> throw problem("specific_info.kind must be None, Struct or Pointer, found \"" + kindName + "\"");
    };
  }

  private List<TypeSpecificInfo.Field> structFields(JsonParser p) throws IOException {
    expectArray(p, "fields");
    List<TypeSpecificInfo.Field> fields = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expectObject(p, "a struct field");
      String name = null;
      Long typeId = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "name" -> name = string(p, "field name");
          case "type_id" -> typeId = id(p, "field type_id");
          default -> p.skipChildren();
        }
      }
      fields.add(new TypeSpecificInfo.Field(required(name, "name of a struct field"), required(typeId, "type_id of a struct field")));
    }
    return List.copyOf(fields);
  }

  private TraceEvent step(JsonParser p) throws IOException {
    expectObject(p, "Step");
    Long pathId = null;
    Long line = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "path_id" -> pathId = id(p, field);
        case "line" -> line = signed64(p, field);
        default -> p.skipChildren();
      }
    }
    return new TraceEvent.Step(required(pathId, "path_id"), required(line, "line"));
  }

  private TraceEvent.Value fullValue(JsonParser p, String what) throws IOException {
    expectObject(p, what);
    Long variableId = null;
    ValueRecord value = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "variable_id" -> variableId = id(p, field);
        case "value" -> value = value(p);
        default -> p.skipChildren();
      }
    }
    return new TraceEvent.Value(required(variableId, "variable_id"), required(value, "value"));
  }

  private TraceEvent call(JsonParser p) throws IOException {
    expectObject(p, "Call");
    Long functionId = null;
    List<TraceEvent.Value> args = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "function_id" -> functionId = id(p, field);
        case "args" -> {
          expectArray(p, "args");
          List<TraceEvent.Value> list = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(fullValue(p, "an argument"));
          }
          args = List.copyOf(list);
        }
        default -> p.skipChildren();
      }
    }
    return new TraceEvent.Call(required(functionId, "function_id"), args);
  }

  private TraceEvent returnEvent(JsonParser p) throws IOException {
    expectObject(p, "Return");
    ValueRecord value = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("return_value")) {
        value = value(p);
      } else {
        p.skipChildren();
      }
    }
    return new TraceEvent.Return(required(value, "return_value"));
  }

  private TraceEvent log(JsonParser p) throws IOException {
    expectObject(p, "Event");
    Integer logKind = null;
    String metadata = null;
    String content = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "kind" -> logKind = enumNumber(p, field, EventLogKind.MAX, "EventLogKind");
        case "metadata" -> metadata = string(p, field);
        case "content" -> content = string(p, field);
        default -> p.skipChildren();
      }
    }
    return new TraceEvent.Log(required(logKind, "kind"), required(metadata, "metadata"), required(content, "content"));
  }

  private TraceEvent dropVariables(JsonParser p) throws IOException {
    expectArray(p, "DropVariables");
    List<Long> ids = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      ids.add(id(p, "variable id"));
    }
    return new TraceEvent.DropVariables(List.copyOf(ids));
  }

  /** A ValueRecord: internally tagged by "kind", which may come after the other keys. */
  private ValueRecord value(JsonParser p) throws IOException {
    expectObject(p, "a value");
    ValueFields v = new ValueFields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "kind" -> v.kind = string(p, "value kind");
        case "type_id" -> v.typeId = id(p, field);
        case "i" -> v.i = signed64(p, field);
        case "f" -> v.f = floatText(p);
        case "b" -> v.b = boolOrBytes(p);
        case "text" -> v.text = string(p, field);
        case "c" -> v.c = string(p, field);
        case "elements" -> v.elements = values(p, field);
        case "field_values" -> v.fieldValues = values(p, field);
        case "is_slice" -> v.isSlice = bool(p, field);
        case "discriminator" -> v.discriminator = string(p, field);
        case "contents" -> v.contents = value(p);
        case "dereferenced" -> v.dereferenced = value(p);
        case "address" -> v.address = unsigned64(p, field);
        case "mutable" -> v.mutable = bool(p, field);
        case "r" -> v.r = string(p, field);
        case "msg" -> v.msg = string(p, field);
        case "place" -> v.place = signed64(p, field);
        case "negative" -> v.negative = bool(p, field);
        default -> p.skipChildren();
      }
    }
    return v.build();
  }

  /** The fields of one value as they arrive; {@link #build} checks them against its kind. */
  private final class ValueFields {
    String kind;
    Long typeId;
    Long i;
    String f;
    Object b;
    String text;
    String c;
    List<ValueRecord> elements;
    List<ValueRecord> fieldValues;
    Boolean isSlice;
    String discriminator;
    ValueRecord contents;
    ValueRecord dereferenced;
    Long address;
    Boolean mutable;
    String r;
    String msg;
    Long place;
    Boolean negative;

    ValueRecord build() {
      String k = required(kind, "value kind");
      if (k.equals("Cell")) {
        return new ValueRecord.Cell(need(place, "place"));
      }
      long t = need(typeId, "type_id");
      return switch (k) {
        case "Int" -> new ValueRecord.Int(need(i, "i"), t);
        case "Float" -> new ValueRecord.Float(checked(need(f, "f"), TextFieldRules.checkFloat(f)), t);
        case "Bool" -> new ValueRecord.Bool(boolB(), t);
        case "String" -> new ValueRecord.Str(need(text, "text"), t);
        case "Char" -> new ValueRecord.Char(checked(need(c, "c"), TextFieldRules.checkChar(c)), t);
        case "Sequence" -> new ValueRecord.Sequence(need(elements, "elements"), need(isSlice, "is_slice"), t);
        case "Tuple" -> new ValueRecord.Tuple(need(elements, "elements"), t);
        case "Struct" -> new ValueRecord.Struct(need(fieldValues, "field_values"), t);
        case "Variant" -> new ValueRecord.Variant(need(discriminator, "discriminator"), need(contents, "contents"), t);
        case "Reference" -> new ValueRecord.Reference(need(dereferenced, "dereferenced"), need(address, "address"), need(mutable, "mutable"), t);
        case "Raw" -> new ValueRecord.Raw(need(r, "r"), t);
        case "Error" -> new ValueRecord.Error(need(msg, "msg"), t);
        case "None" -> new ValueRecord.None(t);
        case "BigInt" -> new ValueRecord.BigInt(base64B(), need(negative, "negative"), t);
        default -> throw problem("unknown value kind \"" + k + "\"");
      };
    }

    private <T> T need(T field, String name) {
      if (field == null) {
        throw problem(kind + " value has no " + name);
      }
      return field;
    }

    private String checked(String text, String problem) {
      if (problem != null) {
        throw problem(kind + " value: " + problem);
      }
      return text;
    }

    private boolean boolB() {
      if (!(need(b, "b") instanceof Boolean bool)) {
        throw problem("Bool value: b must be true or false");
      }
      return bool;
    }

    private String base64B() {
      Object raw = need(b, "b");
      if (raw instanceof byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
      }
      if (raw instanceof String s) {
        return checked(s, TextFieldRules.checkBase64(s));
      }
      throw problem("BigInt value: b must be base64 text");
    }
  }

  private List<ValueRecord> values(JsonParser p, String what) throws IOException {
    expectArray(p, what);
    List<ValueRecord> values = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      values.add(value(p));
    }
    return List.copyOf(values);
  }

  private String floatText(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (binary && (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT)) {
      return ValueRecord.Float.text(p.getDoubleValue());
    }
    throw problem("Float value: f must be a string (\"2.5\", \"inf\", \"nan\"), found " + describe(p));
  }

  /** {@code b} is a bool for Bool values and base64 (or, in CBOR, bytes) for BigInt values. */
  private Object boolOrBytes(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (binary && t == JsonToken.VALUE_EMBEDDED_OBJECT && p.getEmbeddedObject() instanceof byte[] bytes) {
      return bytes;
    }
    throw problem("b must be a bool or base64 text, found " + describe(p));
  }

  private void expectObject(JsonParser p, String what) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw problem(what + " must be an object, found " + describe(p));
    }
  }

  private void expectArray(JsonParser p, String what) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw problem(what + " must be an array, found " + describe(p));
    }
  }

  private String string(JsonParser p, String what) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw problem(what + " must be a string, found " + describe(p));
    }
    return p.getText();
  }

  private boolean bool(JsonParser p, String what) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw problem(what + " must be true or false, found " + describe(p));
    }
    return t == JsonToken.VALUE_TRUE;
  }

  /** An id (Rust usize): a non-negative integer. */
  private long id(JsonParser p, String what) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        || p.getLongValue() < 0) {
      throw problem(what + " must be a non-negative integer, found " + describe(p));
    }
    return p.getLongValue();
  }

  private long signed64(JsonParser p, String what) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw problem(what + " must be a 64-bit integer, found " + describe(p));
    }
    return p.getLongValue();
  }

  /** A u64 (thread ids, addresses), kept in a long's 64 bits: values above 2^63 read as negative. */
  private long unsigned64(JsonParser p, String what) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      BigInteger value = p.getBigIntegerValue();
      if (value.signum() >= 0 && value.compareTo(TWO_TO_64) < 0) {
        return value.longValue();
      }
    }
    throw problem(what + " must be an unsigned 64-bit integer, found " + describe(p));
  }

  private int enumNumber(JsonParser p, String what, int max, String enumName) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        || p.getLongValue() < 0
        || p.getLongValue() > max) {
      throw problem(what + " must be a " + enumName + " number (0.." + max + "), found " + describe(p));
    }
    return p.getIntValue();
  }

  /** Any payload, as maps, lists, strings, numbers, booleans, byte arrays and nulls. */
  private static Object generic(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, generic(p));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(generic(p));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_EMBEDDED_OBJECT:
        return p.getEmbeddedObject();
      default:
        return null;
    }
  }

  private <T> T required(T field, String name) {
    if (field == null) {
      throw problem("missing " + name);
    }
    return field;
  }

  private EventProblem problem(String message) {
    return new EventProblem(kind, message);
  }

  private static String describe(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "nothing";
    }
    try {
      return switch (t) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> "the string \"" + abbreviate(p.getText()) + "\"";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
        case VALUE_TRUE, VALUE_FALSE -> t.asString();
        case VALUE_NULL -> "null";
        case VALUE_EMBEDDED_OBJECT -> "binary data";
        default -> t.name();
      };
    } catch (IOException e) {
      return t.name();
    }
  }

  private static String abbreviate(String text) {
    String oneLine = text.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "...";
  }
}
