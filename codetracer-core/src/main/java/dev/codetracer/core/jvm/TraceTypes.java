package dev.codetracer.core.jvm;

import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TypeKind;
import dev.codetracer.core.trace.TypeSpecificInfo;
import dev.codetracer.core.trace.ValueRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The stream's {@code Type}s: each defined once, on first use, before the value that uses it. */
final class TraceTypes {
  private final Consumer<TraceEvent> sink;
  private final Map<String, Integer> simple = new HashMap<>();
  private final Map<Integer, Integer> structs = new HashMap<>();
  private int next;

  TraceTypes(Consumer<TraceEvent> sink) {
    this.sink = sink;
  }

  /** Type 0, {@code None}, which every stream starts with. */
  int none() {
    return simple(TypeKind.NONE, "None");
  }

  int simple(int kind, String langType) {
    String key = kind + ":" + langType;
    Integer id = simple.get(key);
    if (id == null) {
      id = next++;
      simple.put(key, id);
      sink.accept(new TraceEvent.Type(kind, langType, TypeSpecificInfo.NONE));
    }
    return id;
  }

  /** The struct type of a layout, its field types taken from the first value seen. */
  int struct(RawDefinition.Layout layout, List<ValueRecord> fieldValues) {
    Integer id = structs.get(layout.id());
    if (id == null) {
      List<TypeSpecificInfo.Field> fields = new ArrayList<>(layout.fields().size());
      for (int i = 0; i < layout.fields().size(); i++) {
        long fieldType = i < fieldValues.size() ? fieldValues.get(i).typeId() : none();
        fields.add(new TypeSpecificInfo.Field(layout.fields().get(i), fieldType < 0 ? none() : fieldType));
      }
      id = next++;
      structs.put(layout.id(), id);
      sink.accept(new TraceEvent.Type(TypeKind.STRUCT, layout.typeName(), new TypeSpecificInfo.Struct(fields)));
    }
    return id;
  }
}
