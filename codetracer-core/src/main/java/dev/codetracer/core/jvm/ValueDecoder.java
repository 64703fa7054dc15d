package dev.codetracer.core.jvm;

import dev.codetracer.core.trace.TypeKind;
import dev.codetracer.core.trace.ValueRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the change log's encoded values into CodeTracer {@link ValueRecord}s. */
final class ValueDecoder {
  static final String REDACTED = "<redacted>";

  private final TraceTypes types;
  private final Map<Integer, String> typeNames;
  private final Map<Integer, RawDefinition.Layout> layouts;
  private final int[] primitiveTypes = new int[8];

  ValueDecoder(TraceTypes types, Map<Integer, String> typeNames, Map<Integer, RawDefinition.Layout> layouts) {
    this.types = types;
    this.typeNames = typeNames;
    this.layouts = layouts;
    java.util.Arrays.fill(primitiveTypes, -1);
  }

  /** A primitive value of a VALUE event. */
  ValueRecord primitive(int kind, long bits) {
    int type = primitiveType(kind);
    switch (kind) {
      case RawEvents.K_BOOLEAN:
        return new ValueRecord.Bool(bits != 0, type);
      case RawEvents.K_CHAR:
        return new ValueRecord.Char(String.valueOf((char) bits), type);
      case RawEvents.K_FLOAT:
        return ValueRecord.Float.of(Float.intBitsToFloat((int) bits), type);
      case RawEvents.K_DOUBLE:
        return ValueRecord.Float.of(Double.longBitsToDouble(bits), type);
      case RawEvents.K_LONG:
        return new ValueRecord.Int(bits, type);
      default:
        return new ValueRecord.Int((int) bits, type);
    }
  }

  ValueRecord redacted() {
    return new ValueRecord.Error(REDACTED, types.simple(TypeKind.ERROR, "redacted"));
  }

  ValueRecord error(String message) {
    return new ValueRecord.Error(message, types.simple(TypeKind.ERROR, "error"));
  }

  ValueRecord none() {
    return new ValueRecord.None(types.none());
  }

  private int primitiveType(int kind) {
    int type = primitiveTypes[kind];
    if (type < 0) {
      int typeKind;
      switch (kind) {
        case RawEvents.K_BOOLEAN:
          typeKind = TypeKind.BOOL;
          break;
        case RawEvents.K_CHAR:
          typeKind = TypeKind.CHAR;
          break;
        case RawEvents.K_FLOAT:
        case RawEvents.K_DOUBLE:
          typeKind = TypeKind.FLOAT;
          break;
        default:
          typeKind = TypeKind.INT;
      }
      type = types.simple(typeKind, WellKnownTypes.NAMES.get(kind));
      primitiveTypes[kind] = type;
    }
    return type;
  }

  ValueRecord read(ByteReader in) {
    byte tag = in.tag();
    switch (tag) {
      case ValueEncoder.NULL:
        return new ValueRecord.None(types.simple(TypeKind.NONE, "null"));
      case ValueEncoder.INT: {
        String type = name(in.varint());
        return new ValueRecord.Int(in.zigzag(), types.simple(TypeKind.INT, type));
      }
      default:
        return readOther(tag, in);
    }
  }

  private ValueRecord readOther(byte tag, ByteReader in) {
    switch (tag) {
      case ValueEncoder.FLOAT: {
        int typeId = in.varint();
        double value = in.float64();
        int type = types.simple(TypeKind.FLOAT, name(typeId));
        // a float is encoded widened to a double, which narrows back to it exactly
        boolean single = typeId == WellKnownTypes.FLOAT || typeId == WellKnownTypes.FLOAT_BOX;
        return single ? ValueRecord.Float.of((float) value, type) : ValueRecord.Float.of(value, type);
      }
      case ValueEncoder.BOOL: {
        String type = name(in.varint());
        return new ValueRecord.Bool(in.bool(), types.simple(TypeKind.BOOL, type));
      }
      case ValueEncoder.CHAR: {
        String type = name(in.varint());
        return new ValueRecord.Char(String.valueOf((char) in.varint()), types.simple(TypeKind.CHAR, type));
      }
      case ValueEncoder.STRING: {
        int total = in.varint();
        String text = in.text();
        if (text.length() < total) {
          text = text + "...(" + total + " chars)";
        }
        return new ValueRecord.Str(text, types.simple(TypeKind.STRING, "String"));
      }
      case ValueEncoder.SEQUENCE:
      case ValueEncoder.MAP: {
        String type = name(in.varint());
        int total = in.varint();
        int shown = in.varint();
        List<ValueRecord> elements = new ArrayList<>(shown + 1);
        for (int i = 0; i < shown; i++) {
          if (tag == ValueEncoder.MAP) {
            ValueRecord key = read(in);
            elements.add(entry(key, read(in)));
          } else {
            elements.add(read(in));
          }
        }
        if (total > shown) {
          elements.add(more(total, shown));
        }
        return new ValueRecord.Sequence(elements, false, types.simple(TypeKind.SEQ, type));
      }
      case ValueEncoder.STRUCT: {
        int layoutId = in.varint();
        RawDefinition.Layout layout = layouts.get(layoutId);
        if (layout == null) {
          throw new IllegalStateException("the change log uses layout " + layoutId + " before defining it");
        }
        List<ValueRecord> fields = new ArrayList<>(layout.fields().size());
        for (int i = 0; i < layout.fields().size(); i++) {
          fields.add(read(in));
        }
        return new ValueRecord.Struct(fields, types.struct(layout, fields));
      }
      case ValueEncoder.RAW: {
        String type = name(in.varint());
        return new ValueRecord.Raw(in.text(), types.simple(TypeKind.RAW, type));
      }
      case ValueEncoder.ENUM: {
        String type = name(in.varint());
        return new ValueRecord.Raw(in.text(), types.simple(TypeKind.ENUM, type));
      }
      case ValueEncoder.ERROR:
        return error(in.text());
      case ValueEncoder.CYCLE: {
        String type = name(in.varint());
        return new ValueRecord.Raw("<cycle: " + type + ">", types.simple(TypeKind.RAW, type));
      }
      case ValueEncoder.ELIDED: {
        String type = name(in.varint());
        return new ValueRecord.Raw(type + "{...}", types.simple(TypeKind.NON_EXPANDED, type));
      }
      default:
        throw new IllegalStateException("unknown value tag " + tag + " in the change log");
    }
  }

  /**
   * True when the next value is a change of the variable's previous one ({@link
   * ValueEncoder#APPEND}, {@link ValueEncoder#SPLICE}).
   */
  static boolean isChangeOfPrevious(ByteReader in) {
    byte tag = in.peekTag();
    return tag == ValueEncoder.APPEND || tag == ValueEncoder.STRING_APPEND || tag == ValueEncoder.SPLICE;
  }

  /** The previous value of a variable changed by the next value of the log. */
  ValueRecord readChangeOf(ByteReader in, ValueRecord previous) {
    byte tag = in.tag();
    if (tag == ValueEncoder.SPLICE) {
      return readSplice(in, previous);
    }
    int previousShown = in.varint();
    int total = in.varint();
    if (tag == ValueEncoder.STRING_APPEND) {
      String added = in.text();
      if (!(previous instanceof ValueRecord.Str str) || str.text().length() < previousShown) {
        return error("<lost: a string grew from an unknown value>");
      }
      String text = str.text().substring(0, previousShown) + added;
      if (text.length() < total) {
        text = text + "...(" + total + " chars)";
      }
      return new ValueRecord.Str(text, str.typeId());
    }
    int added = in.varint();
    List<ValueRecord> elements = new ArrayList<>(previousShown + added + 1);
    boolean known = previous instanceof ValueRecord.Sequence;
    if (known) {
      List<ValueRecord> before = ((ValueRecord.Sequence) previous).elements();
      known = before.size() >= previousShown;
      if (known) {
        elements.addAll(before.subList(0, previousShown));
      }
    }
    for (int i = 0; i < added; i++) {
      elements.add(read(in));
    }
    if (!known) {
      return error("<lost: a sequence grew from an unknown value>");
    }
    int shown = elements.size();
    if (total > shown) {
      elements.add(more(total, shown));
    }
    return new ValueRecord.Sequence(elements, false, previous.typeId());
  }

  private ValueRecord readSplice(ByteReader in, ValueRecord previous) {
    boolean map = in.bool();
    int previousShown = in.varint();
    int total = in.varint();
    int from = in.varint();
    int removed = in.varint();
    int added = in.varint();
    List<ValueRecord> replacements = new ArrayList<>(added);
    for (int i = 0; i < added; i++) {
      replacements.add(map ? entry(read(in), read(in)) : read(in));
    }
    if (!(previous instanceof ValueRecord.Sequence sequence) || sequence.elements().size() < previousShown
        || from + removed > previousShown) {
      return error("<lost: a sequence changed from an unknown value>");
    }
    List<ValueRecord> before = sequence.elements();
    List<ValueRecord> elements = new ArrayList<>(previousShown - removed + added + 1);
    elements.addAll(before.subList(0, from));
    elements.addAll(replacements);
    elements.addAll(before.subList(from + removed, previousShown));
    int shown = elements.size();
    if (total > shown) {
      elements.add(more(total, shown));
    }
    return new ValueRecord.Sequence(elements, false, previous.typeId());
  }

  private ValueRecord entry(ValueRecord key, ValueRecord value) {
    return new ValueRecord.Tuple(List.of(key, value), types.simple(TypeKind.TUPLE, "Map.Entry"));
  }

  private ValueRecord more(int total, int shown) {
    return new ValueRecord.Raw("...(" + (total - shown) + " more, " + total + " in all)", types.simple(TypeKind.RAW, "more"));
  }

  /** Moves past a value without defining anything (a value outside any recorded frame). */
  void skip(ByteReader in) {
    byte tag = in.tag();
    switch (tag) {
      case ValueEncoder.NULL:
        return;
      case ValueEncoder.INT:
        in.varint();
        in.varlong();
        return;
      case ValueEncoder.FLOAT:
        in.varint();
        in.float64();
        return;
      case ValueEncoder.BOOL:
        in.varint();
        in.bool();
        return;
      case ValueEncoder.CHAR:
        in.varint();
        in.varint();
        return;
      case ValueEncoder.STRING:
        in.varint();
        in.text();
        return;
      case ValueEncoder.SEQUENCE:
      case ValueEncoder.MAP: {
        in.varint();
        in.varint();
        int shown = in.varint();
        for (int i = 0; i < (tag == ValueEncoder.MAP ? 2 * shown : shown); i++) {
          skip(in);
        }
        return;
      }
      case ValueEncoder.STRUCT: {
        RawDefinition.Layout layout = layouts.get(in.varint());
        for (int i = 0; i < layout.fields().size(); i++) {
          skip(in);
        }
        return;
      }
      case ValueEncoder.RAW:
      case ValueEncoder.ENUM:
        in.varint();
        in.text();
        return;
      case ValueEncoder.ERROR:
        in.text();
        return;
      case ValueEncoder.CYCLE:
      case ValueEncoder.ELIDED:
        in.varint();
        return;
      case ValueEncoder.APPEND: {
        in.varint();
        in.varint();
        int added = in.varint();
        for (int i = 0; i < added; i++) {
          skip(in);
        }
        return;
      }
      case ValueEncoder.STRING_APPEND:
        in.varint();
        in.varint();
        in.text();
        return;
      case ValueEncoder.SPLICE: {
        boolean map = in.bool();
        in.varint();
        in.varint();
        in.varint();
        in.varint();
        int added = in.varint();
        for (int i = 0; i < (map ? 2 * added : added); i++) {
          skip(in);
        }
        return;
      }
      default:
        throw new IllegalStateException("unknown value tag " + tag + " in the change log");
    }
  }

  private String name(int typeId) {
    if (typeId < WellKnownTypes.NAMES.size()) {
      return WellKnownTypes.NAMES.get(typeId);
    }
    String name = typeNames.get(typeId);
    if (name == null) {
      throw new IllegalStateException("the change log uses type " + typeId + " before defining it");
    }
    return name;
  }
}
