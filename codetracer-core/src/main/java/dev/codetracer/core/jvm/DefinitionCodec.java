package dev.codetracer.core.jvm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The change log's definitions as JSON, through Jackson's streaming API: the agent writes them
 * while the program runs, and the object mapper's start-up (hundreds of classes, a third of a
 * second) has no place there.
 *
 * <pre>
 * {"t":"method","id":0,"class":"a.B","method":"m","desc":"(I)V","name":"a.B.m","path":"/p/B.java","found":true,
 *  "line":3,"vars":[[slot,"name","desc",redacted]...],"args":[0],"this":-1}
 * {"t":"probe","id":0,"method":0,"line":4,"visible":[0,1]}
 * {"t":"probe","id":1,"method":0,"line":5,"visible":[0,1],"following":[[6,[0,1]]],"items":[1,-1]}   (a run)
 * {"t":"loop","id":0,"method":0,"probes":[1,2]}
 * {"t":"layout","id":0,"type":"a.B","fields":["x"]}      {"t":"type","id":64,"name":"ArrayList"}
 * {"t":"fact","key":"java_version","value":"17"}          (value: string, number, boolean)
 * </pre>
 */
final class DefinitionCodec {
  private static final JsonFactory JSON = new JsonFactory();

  private DefinitionCodec() {}

  static byte[] write(List<RawDefinition> definitions) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * definitions.size());
    try (JsonGenerator g = JSON.createGenerator(bytes)) {
      g.writeStartArray();
      for (RawDefinition definition : definitions) {
        write(g, definition);
      }
      g.writeEndArray();
    }
    return bytes.toByteArray();
  }

  private static void write(JsonGenerator g, RawDefinition definition) throws IOException {
    g.writeStartObject();
    if (definition instanceof RawDefinition.Method m) {
      g.writeStringField("t", "method");
      g.writeNumberField("id", m.id());
      g.writeStringField("class", m.className());
      g.writeStringField("method", m.methodName());
      g.writeStringField("desc", m.descriptor());
      g.writeStringField("name", m.name());
      g.writeStringField("path", m.path());
      g.writeBooleanField("found", m.sourceFound());
      g.writeNumberField("line", m.line());
      g.writeArrayFieldStart("vars");
      for (RawDefinition.Variable v : m.variables()) {
        g.writeStartArray();
        g.writeNumber(v.slot());
        g.writeString(v.name());
        g.writeString(v.descriptor());
        g.writeBoolean(v.redacted());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeFieldName("args");
      g.writeArray(m.arguments(), 0, m.arguments().length);
      g.writeNumberField("this", m.thisVariable());
    } else if (definition instanceof RawDefinition.Probe p) {
      g.writeStringField("t", "probe");
      g.writeNumberField("id", p.id());
      g.writeNumberField("method", p.method());
      g.writeNumberField("line", p.line());
      g.writeFieldName("visible");
      g.writeArray(p.visible(), 0, p.visible().length);
      if (!p.following().isEmpty()) {
        g.writeArrayFieldStart("following");
        for (RawDefinition.RunLine line : p.following()) {
          g.writeStartArray();
          g.writeNumber(line.line());
          g.writeArray(line.visible(), 0, line.visible().length);
          g.writeEndArray();
        }
        g.writeEndArray();
      }
      if (p.items().length > 0) {
        g.writeFieldName("items");
        g.writeArray(p.items(), 0, p.items().length);
      }
    } else if (definition instanceof RawDefinition.Loop l) {
      g.writeStringField("t", "loop");
      g.writeNumberField("id", l.id());
      g.writeNumberField("method", l.method());
      g.writeFieldName("probes");
      g.writeArray(l.probes(), 0, l.probes().length);
    } else if (definition instanceof RawDefinition.Layout l) {
      g.writeStringField("t", "layout");
      g.writeNumberField("id", l.id());
      g.writeStringField("type", l.typeName());
      g.writeArrayFieldStart("fields");
      for (String field : l.fields()) {
        g.writeString(field);
      }
      g.writeEndArray();
    } else if (definition instanceof RawDefinition.TypeName t) {
      g.writeStringField("t", "type");
      g.writeNumberField("id", t.id());
      g.writeStringField("name", t.name());
    } else if (definition instanceof RawDefinition.Fact f) {
      g.writeStringField("t", "fact");
      g.writeStringField("key", f.key());
      g.writeFieldName("value");
      Object value = f.value();
      if (value instanceof Boolean b) {
        g.writeBoolean(b);
      } else if (value instanceof Integer || value instanceof Long) {
        g.writeNumber(((Number) value).longValue());
      } else {
        g.writeString(String.valueOf(value));
      }
    }
    g.writeEndObject();
  }

  static List<RawDefinition> read(byte[] json) throws IOException {
    List<RawDefinition> definitions = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        definitions.add(readOne(p));
      }
    }
    return definitions;
  }

  private static RawDefinition readOne(JsonParser p) throws IOException {
    String t = null;
    int id = 0;
    int method = 0;
    int line = 0;
    int thisVariable = -1;
    boolean found = false;
    String className = null;
    String methodName = null;
    String descriptor = null;
    String name = null;
    String path = null;
    String type = null;
    String key = null;
    Object value = null;
    int[] numbers = new int[0];
    int[] items = new int[0];
    List<RawDefinition.RunLine> following = new ArrayList<>();
    List<String> strings = new ArrayList<>();
    List<RawDefinition.Variable> variables = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken token = p.nextToken();
      switch (field) {
        case "t" -> t = p.getText();
        case "id" -> id = p.getIntValue();
        case "class" -> className = p.getText();
        case "method" -> {
          if (token == JsonToken.VALUE_STRING) {
            methodName = p.getText();
          } else {
            method = p.getIntValue();
          }
        }
        case "desc" -> descriptor = p.getText();
        case "name" -> name = p.getText();
        case "path" -> path = p.getText();
        case "found" -> found = p.getBooleanValue();
        case "line" -> line = p.getIntValue();
        case "this" -> thisVariable = p.getIntValue();
        case "type" -> type = p.getText();
        case "key" -> key = p.getText();
        case "value" -> value = token == JsonToken.VALUE_STRING ? p.getText()
            : token.isBoolean() ? (Object) p.getBooleanValue() : (Object) p.getLongValue();
        case "args", "visible", "probes" -> numbers = readInts(p);
        case "items" -> items = readInts(p);
        case "following" -> {
          while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            int followingLine = p.getIntValue();
            expect(p.nextToken(), JsonToken.START_ARRAY);
            int[] visible = readInts(p);
            expect(p.nextToken(), JsonToken.END_ARRAY);
            following.add(new RawDefinition.RunLine(followingLine, visible));
          }
        }
        case "fields" -> {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            strings.add(p.getText());
          }
        }
        case "vars" -> {
          while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            int slot = p.getIntValue();
            p.nextToken();
            String variableName = p.getText();
            p.nextToken();
            String variableDescriptor = p.getText();
            p.nextToken();
            boolean redacted = p.getBooleanValue();
            expect(p.nextToken(), JsonToken.END_ARRAY);
            variables.add(new RawDefinition.Variable(slot, variableName, variableDescriptor, redacted));
          }
        }
        default -> p.skipChildren();
      }
    }
    if (t == null) {
      throw new IOException("a definition without its kind in the change log");
    }
    return switch (t) {
      case "method" -> new RawDefinition.Method(
          id, className, methodName, descriptor, name, path, found, line, variables, numbers, thisVariable);
      case "probe" -> new RawDefinition.Probe(id, method, line, numbers, List.copyOf(following), items);
      case "loop" -> new RawDefinition.Loop(id, method, numbers);
      case "layout" -> new RawDefinition.Layout(id, type, strings);
      case "type" -> new RawDefinition.TypeName(id, name);
      case "fact" -> new RawDefinition.Fact(key, value);
      default -> throw new IOException("unknown definition \"" + t + "\" in the change log");
    };
  }

  private static int[] readInts(JsonParser p) throws IOException {
    List<Integer> values = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      values.add(p.getIntValue());
    }
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("malformed definitions in the change log: " + actual + " where " + expected + " belongs");
    }
  }
}
