package dev.codetracer.core.trace;

import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.function.LongFunction;

/** Renders a value as short text for people and test assertions: {@code 42}, {@code "a\"b"}, {@code Point{x=1, y=2}}. */
final class ValueRenderer {
  private final LongFunction<TraceEvent.Type> types;

  ValueRenderer(LongFunction<TraceEvent.Type> types) {
    this.types = types;
  }

  String render(ValueRecord value) {
    StringBuilder text = new StringBuilder();
    append(text, value);
    return text.toString();
  }

  private void append(StringBuilder text, ValueRecord value) {
    if (value instanceof ValueRecord.Int v) {
      text.append(v.i());
    } else if (value instanceof ValueRecord.Float v) {
      text.append(v.f());
    } else if (value instanceof ValueRecord.Bool v) {
      text.append(v.b());
    } else if (value instanceof ValueRecord.Str v) {
      quoted(text, v.text(), '"');
    } else if (value instanceof ValueRecord.Char v) {
      quoted(text, v.c(), '\'');
    } else if (value instanceof ValueRecord.Sequence v) {
      list(text, v.elements(), "[", "]");
    } else if (value instanceof ValueRecord.Tuple v) {
      list(text, v.elements(), "(", ")");
    } else if (value instanceof ValueRecord.Struct v) {
      struct(text, v);
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
      text.append("None");
    } else if (value instanceof ValueRecord.BigInt v) {
      BigInteger magnitude = new BigInteger(1, Base64.getDecoder().decode(v.b()));
      text.append(v.negative() ? magnitude.negate() : magnitude);
    } else if (value instanceof ValueRecord.Cell v) {
      text.append("<cell ").append(v.place()).append('>');
    }
  }

  private void struct(StringBuilder text, ValueRecord.Struct v) {
    TraceEvent.Type type = types.apply(v.typeId());
    List<TypeSpecificInfo.Field> fields =
        type.specificInfo() instanceof TypeSpecificInfo.Struct s ? s.fields() : List.of();
    text.append(type.langType()).append('{');
    for (int i = 0; i < v.fieldValues().size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(i < fields.size() ? fields.get(i).name() : "#" + i).append('=');
      append(text, v.fieldValues().get(i));
    }
    text.append('}');
  }

  private void list(StringBuilder text, List<ValueRecord> elements, String open, String close) {
    text.append(open);
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      append(text, elements.get(i));
    }
    text.append(close);
  }

  private static void quoted(StringBuilder text, String s, char quote) {
    text.append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> text.append("\\n");
        case '\t' -> text.append("\\t");
        case '\r' -> text.append("\\r");
        case '\\' -> text.append("\\\\");
        default -> {
          if (c == quote) {
            text.append('\\');
          }
          text.append(c);
        }
      }
    }
    text.append(quote);
  }
}
