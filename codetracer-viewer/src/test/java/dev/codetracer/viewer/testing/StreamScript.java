package dev.codetracer.viewer.testing;

import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TraceEventWriter;
import dev.codetracer.core.trace.TypeKind;
import dev.codetracer.core.trace.TypeSpecificInfo;
import dev.codetracer.core.trace.ValueRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a stream in the exact shape recording-format.md section 5 gives: the top-level prologue,
 * definitions before use, argument values then the callee's first step then its Call, the visible
 * variables after every step, a Return for every call. Tests script a run with it.
 */
public final class StreamScript {
  private final TraceEventWriter out;
  private final Map<String, Long> paths = new HashMap<>();
  private final Map<String, Long> functions = new HashMap<>();
  private final Map<String, Long> types = new HashMap<>();
  private final Map<String, Long> variables = new HashMap<>();
  private final List<Long> pathOfFrame = new ArrayList<>();
  private long nextPath;
  private long nextFunction;
  private long nextType;
  private long nextVariable;
  private long steps;

  public StreamScript(TraceEventWriter out, String firstPath) {
    this.out = out;
    long path = path(firstPath);
    emit(new TraceEvent.Function(path, 1, "<toplevel>"));
    functions.put("<toplevel>", nextFunction++);
    emit(new TraceEvent.Call(0, List.of()));
    type(TypeKind.NONE, "None");
    pathOfFrame.add(path);
  }

  public long path(String path) {
    Long id = paths.get(path);
    if (id == null) {
      emit(new TraceEvent.Path(path));
      id = nextPath++;
      paths.put(path, id);
    }
    return id;
  }

  public long type(int kind, String name) {
    return type(kind, name, TypeSpecificInfo.NONE);
  }

  public long structType(String name, Map<String, Long> fieldTypes) {
    List<TypeSpecificInfo.Field> fields = new ArrayList<>();
    fieldTypes.forEach((field, type) -> fields.add(new TypeSpecificInfo.Field(field, type)));
    return type(TypeKind.STRUCT, name, new TypeSpecificInfo.Struct(fields));
  }

  private long type(int kind, String name, TypeSpecificInfo info) {
    Long id = types.get(name);
    if (id == null) {
      emit(new TraceEvent.Type(kind, name, info));
      id = nextType++;
      types.put(name, id);
    }
    return id;
  }

  /** Enters a function: argument values, the step at its first line, the Call. */
  public void call(String function, String path, long line, Map<String, ValueRecord> args) {
    long pathId = path(path);
    Long functionId = functions.get(function);
    if (functionId == null) {
      emit(new TraceEvent.Function(pathId, line, function));
      functionId = nextFunction++;
      functions.put(function, functionId);
    }
    List<TraceEvent.Value> argValues = new ArrayList<>();
    for (Map.Entry<String, ValueRecord> arg : args.entrySet()) {
      TraceEvent.Value value = new TraceEvent.Value(variable(arg.getKey()), arg.getValue());
      emit(value);
      argValues.add(value);
    }
    emit(new TraceEvent.Step(pathId, line));
    steps++;
    emit(new TraceEvent.Call(functionId, argValues));
    pathOfFrame.add(pathId);
  }

  /** A line executed in the current function, with the variables visible there. */
  public void step(long line, Map<String, ValueRecord> visible) {
    emit(new TraceEvent.Step(pathOfFrame.get(pathOfFrame.size() - 1), line));
    steps++;
    for (Map.Entry<String, ValueRecord> variable : visible.entrySet()) {
      emit(new TraceEvent.Value(variable(variable.getKey()), variable.getValue()));
    }
  }

  /** Steps written so far. */
  public long steps() {
    return steps;
  }

  public void ret(ValueRecord value) {
    emit(new TraceEvent.Return(value));
    pathOfFrame.remove(pathOfFrame.size() - 1);
  }

  public void output(int kind, String text) {
    emit(new TraceEvent.Log(kind, "", text));
  }

  private long variable(String name) {
    Long id = variables.get(name);
    if (id == null) {
      emit(new TraceEvent.VariableName(name));
      id = nextVariable++;
      variables.put(name, id);
    }
    return id;
  }

  public static Map<String, ValueRecord> vars(Object... nameValuePairs) {
    Map<String, ValueRecord> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      map.put((String) nameValuePairs[i], (ValueRecord) nameValuePairs[i + 1]);
    }
    return map;
  }

  private void emit(TraceEvent event) {
    try {
      out.write(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
