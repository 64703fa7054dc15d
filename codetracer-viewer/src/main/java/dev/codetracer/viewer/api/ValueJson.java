package dev.codetracer.viewer.api;

import dev.codetracer.core.trace.ValueRecord;
import dev.codetracer.viewer.index.Definitions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value as the page shows it: a one-line summary, its type, and its parts (struct fields,
 * elements, variant contents) as named children the page can expand.
 */
final class ValueJson {
  static final int MAX_CHILDREN = 500;
  private static final int SUMMARY_LENGTH = 160;

  private final Definitions definitions;

  ValueJson(Definitions definitions) {
    this.definitions = definitions;
  }

  Map<String, Object> of(ValueRecord value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("summary", summary(value));
    json.put("type", typeName(value));
    json.put("kind", value.getClass().getSimpleName());
    List<Map<String, Object>> children = children(value);
    if (!children.isEmpty()) {
      json.put("children", children);
    }
    return json;
  }

  Map<String, Object> named(String name, ValueRecord value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.putAll(of(value));
    return json;
  }

  String summary(ValueRecord value) {
    StringBuilder text = new StringBuilder();
    append(text, value);
    return text.length() <= SUMMARY_LENGTH ? text.toString() : text.substring(0, SUMMARY_LENGTH - 1) + "…";
  }

  private String typeName(ValueRecord value) {
    Definitions.TypeDef type = definitions.type(value.typeId());
    return type == null ? "" : type.langType();
  }

  private List<Map<String, Object>> children(ValueRecord value) {
    List<Map<String, Object>> children = new ArrayList<>();
    if (value instanceof ValueRecord.Sequence v) {
      elements(children, v.elements());
    } else if (value instanceof ValueRecord.Tuple v) {
      elements(children, v.elements());
    } else if (value instanceof ValueRecord.Struct v) {
      List<String> fields = fieldNames(v);
      for (int i = 0; i < v.fieldValues().size() && i < MAX_CHILDREN; i++) {
        children.add(named(i < fields.size() ? fields.get(i) : "#" + i, v.fieldValues().get(i)));
      }
    } else if (value instanceof ValueRecord.Variant v) {
      children.add(named(v.discriminator(), v.contents()));
    } else if (value instanceof ValueRecord.Reference v) {
      children.add(named("*", v.dereferenced()));
    }
    return children;
  }

  private void elements(List<Map<String, Object>> children, List<ValueRecord> elements) {
    for (int i = 0; i < elements.size() && i < MAX_CHILDREN; i++) {
      children.add(named("[" + i + "]", elements.get(i)));
    }
    if (elements.size() > MAX_CHILDREN) {
      Map<String, Object> more = new LinkedHashMap<>();
      more.put("name", "…");
      more.put("summary", (elements.size() - MAX_CHILDREN) + " more");
      more.put("type", "");
      children.add(more);
    }
  }

  private List<String> fieldNames(ValueRecord.Struct v) {
    Definitions.TypeDef type = definitions.type(v.typeId());
    return type == null || type.fields() == null ? List.of() : type.fields();
  }

  private void append(StringBuilder text, ValueRecord value) {
    if (text.length() > SUMMARY_LENGTH) {
      return;
    }
    if (value instanceof ValueRecord.Int v) {
      text.append(v.i());
    } else if (value instanceof ValueRecord.Float v) {
      text.append(v.f());
    } else if (value instanceof ValueRecord.Bool v) {
      text.append(v.b());
    } else if (value instanceof ValueRecord.Str v) {
      text.append('"').append(escape(v.text())).append('"');
    } else if (value instanceof ValueRecord.Char v) {
      text.append('\'').append(escape(v.c())).append('\'');
    } else if (value instanceof ValueRecord.Sequence v) {
      list(text, v.elements(), "[", "]");
    } else if (value instanceof ValueRecord.Tuple v) {
      list(text, v.elements(), "(", ")");
    } else if (value instanceof ValueRecord.Struct v) {
      Definitions.TypeDef type = definitions.type(v.typeId());
      List<String> fields = fieldNames(v);
      text.append(type == null ? "" : shortTypeName(type.langType())).append('{');
      for (int i = 0; i < v.fieldValues().size(); i++) {
        if (i > 0) {
          text.append(", ");
        }
        text.append(i < fields.size() ? fields.get(i) : "#" + i).append('=');
        append(text, v.fieldValues().get(i));
      }
      text.append('}');
    } else if (value instanceof ValueRecord.Variant v) {
      text.append(v.discriminator()).append('(');
      append(text, v.contents());
      text.append(')');
    } else if (value instanceof ValueRecord.Reference v) {
      append(text, v.dereferenced());
    } else if (value instanceof ValueRecord.Raw v) {
      text.append(v.r());
    } else if (value instanceof ValueRecord.Error v) {
      text.append("<error: ").append(v.msg()).append('>');
    } else if (value instanceof ValueRecord.None) {
      text.append(noneText(value));
    } else if (value instanceof ValueRecord.BigInt v) {
      BigInteger magnitude = new BigInteger(1, Base64.getDecoder().decode(v.b()));
      text.append(v.negative() ? magnitude.negate() : magnitude);
    } else if (value instanceof ValueRecord.Cell v) {
      text.append("<cell ").append(v.place()).append('>');
    }
  }

  /** Java's null arrives as None of the variable's type; say null for anything but a None type. */
  private String noneText(ValueRecord value) {
    Definitions.TypeDef type = definitions.type(value.typeId());
    return type == null || type.langType().equals("None") ? "None" : "null";
  }

  private void list(StringBuilder text, List<ValueRecord> elements, String open, String close) {
    text.append(open);
    for (int i = 0; i < elements.size() && text.length() <= SUMMARY_LENGTH; i++) {
      if (i > 0) {
        text.append(", ");
      }
      append(text, elements.get(i));
    }
    text.append(close);
  }

  private static String shortTypeName(String langType) {
    int dot = langType.lastIndexOf('.');
    return dot < 0 ? langType : langType.substring(dot + 1);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
  }
}
