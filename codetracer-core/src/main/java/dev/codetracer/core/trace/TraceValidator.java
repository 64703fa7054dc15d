package dev.codetracer.core.trace;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks, one event at a time, the rules CodeTracer's replay relies on (recording-format.md,
 * section 5), and stops at the first violation with a one-line {@link InvalidTraceException} such
 * as {@code event 1234 (Step): path_id 7 is not defined (2 Path events so far)}. Event indexes are
 * 0-based positions in the stream.
 *
 * <ul>
 *   <li>define before use: {@code Path} before a {@code Step}/{@code Function} naming it, {@code
 *       Type} before a value of it, {@code Function} before its {@code Call}, {@code
 *       VariableName} before a {@code Value}, {@code Call} argument or {@code DropVariables} of it;
 *   <li>start like CodeTracer's writers: the top-level {@code Call} of function 0 comes before any
 *       {@code Step} (definitions and values may come first);
 *   <li>every other {@code Call} follows the {@code Step} at the callee's first line, with only
 *       definitions between them;
 *   <li>every {@code Return} matches an earlier {@code Call}; the top-level call never returns, so
 *       there is one top-level call. Calls still open at the end are allowed (a run cut short by a
 *       cap or a kill);
 *   <li>fields: type and event-log kinds known to CodeTracer, strings present, float texts
 *       parseable, one-character chars, base64 big integers, a struct value's field count equal to
 *       its type's, and event kinds CodeTracer knows.
 * </ul>
 *
 * <p>The stream's syntax (each field's JSON/CBOR type) is checked by {@link TraceReader}.
 */
public final class TraceValidator {
  /** Event kinds of CodeTracer's TraceLowLevelEvent that this project models as {@link TraceEvent.Other}. */
  private static final Set<String> OTHER_KINDS = Set.of(
      "Asm", "BindVariable", "Assignment", "CompoundValue", "CellValue", "AssignCompoundItem",
      "AssignCell", "VariableCell", "DropVariable", "DropLastStep");
  private static final int NOT_A_STRUCT = -1;

  private long index = -1;
  private String kind;
  private long paths;
  private long functions;
  private long variableNames;
  private final IntColumn typeKinds = new IntColumn();
  /** Per type: the number of fields of a Struct type, or {@link #NOT_A_STRUCT}. */
  private final IntColumn structFieldCounts = new IntColumn();
  private long steps;
  private long calls;
  private int depth;
  /** The kind of the last event that is neither a definition nor ignored by CodeTracer, and its index. */
  private String lastActionKind;
  private long lastActionIndex = -1;
  /** The highest type id a Type's specific_info names, which may be defined later (recursive types). */
  private long highestFieldTypeId = -1;
  private long highestFieldTypeIdEvent;
  private boolean finished;

  /** Validates a whole file; throws at the first violation, naming the file. */
  public static TraceSummary validate(Path file) {
    try (TraceReader reader = TraceReader.open(file)) {
      return validate(reader, file.toString());
    }
  }

  /** Validates events in stream order; {@code source} prefixes error messages (or null). */
  public static TraceSummary validate(Iterator<TraceEvent> events, String source) {
    return validate(events, source, event -> {});
  }

  /**
   * Validates events in stream order and hands each one, once accepted, to {@code accepted}: one
   * pass for checking and for whatever is built from the stream.
   */
  public static TraceSummary validate(Iterator<TraceEvent> events, String source, Consumer<TraceEvent> accepted) {
    TraceValidator validator = new TraceValidator();
    try {
      while (events.hasNext()) {
        TraceEvent event = events.next();
        validator.accept(event);
        accepted.accept(event);
      }
      return validator.finish();
    } catch (InvalidTraceException e) {
      if (source == null || e.getMessage().startsWith(source)) {
        throw e;
      }
      throw new InvalidTraceException(source + ": " + e.getMessage(), e);
    }
  }

  public static TraceSummary validate(List<TraceEvent> events) {
    return validate(events.iterator(), null);
  }

  /** Checks the next event of the stream. */
  public void accept(TraceEvent event) {
    if (finished) {
      throw new IllegalStateException("finish() was called");
    }
    index++;
    kind = event == null ? "null" : event.kindName();
    if (event == null) {
      throw violation("an event is missing (null)");
    }
    if (event instanceof TraceEvent.Path e) {
      requireText(e.path(), "path");
      paths++;
    } else if (event instanceof TraceEvent.Function e) {
      requireDefined(e.pathId(), paths, "path_id", "Path");
      requireText(e.name(), "name");
      functions++;
    } else if (event instanceof TraceEvent.Type e) {
      type(e);
    } else if (event instanceof TraceEvent.VariableName e) {
      requireText(e.name(), "name");
      variableNames++;
    } else if (event instanceof TraceEvent.Step e) {
      step(e);
    } else if (event instanceof TraceEvent.Value e) {
      fullValue(e, "");
      action();
    } else if (event instanceof TraceEvent.Call e) {
      call(e);
    } else if (event instanceof TraceEvent.Return e) {
      returnEvent(e);
    } else if (event instanceof TraceEvent.Log e) {
      if (e.kind() < 0 || e.kind() > EventLogKind.MAX) {
        throw violation("kind " + e.kind() + " is not an EventLogKind (0.." + EventLogKind.MAX + ")");
      }
      requireText(e.metadata(), "metadata");
      requireText(e.content(), "content");
      action();
    } else if (event instanceof TraceEvent.DropVariables e) {
      if (e.variableIds() == null) {
        throw violation("the variable ids are missing");
      }
      for (Long id : e.variableIds()) {
        requireDefined(id == null ? -1 : id, variableNames, "variable id", "VariableName");
      }
      action();
    } else if (event instanceof TraceEvent.Other e) {
      other(e);
    }
    // ThreadStart/ThreadExit/ThreadSwitch: CodeTracer ignores them; nothing to check
  }

  /** Ends the stream: checks what can only be checked at its end, and answers what was counted. */
  public TraceSummary finish() {
    if (!finished) {
      finished = true;
      if (calls == 0) {
        index++;
        kind = "end of stream";
        throw violation("the stream has no top-level Call (CodeTracer's writers start with a Call of function 0)");
      }
      if (highestFieldTypeId >= typeKinds.size()) {
        index = highestFieldTypeIdEvent;
        kind = "Type";
        throw violation("specific_info names type_id " + highestFieldTypeId + ", but the stream defines only "
            + typeKinds.size() + " types");
      }
    }
    return new TraceSummary(index + 1, steps, calls, paths, functions, typeKinds.size(), variableNames);
  }

  private void type(TraceEvent.Type e) {
    if (e.kind() < 0 || e.kind() > TypeKind.MAX) {
      throw violation("kind " + e.kind() + " is not a TypeKind (0.." + TypeKind.MAX + ")");
    }
    requireText(e.langType(), "lang_type");
    TypeSpecificInfo info = e.specificInfo();
    int fieldCount = NOT_A_STRUCT;
    if (info == null) {
      throw violation("specific_info is missing");
    } else if (info instanceof TypeSpecificInfo.Struct s) {
      if (s.fields() == null) {
        throw violation("specific_info has no fields");
      }
      for (TypeSpecificInfo.Field field : s.fields()) {
        if (field == null) {
          throw violation("a struct field is missing (null)");
        }
        requireText(field.name(), "field name");
        noteFieldType(field.typeId());
      }
      fieldCount = s.fields().size();
    } else if (info instanceof TypeSpecificInfo.Pointer p) {
      noteFieldType(p.dereferenceTypeId());
    }
    typeKinds.add(e.kind());
    structFieldCounts.add(fieldCount);
  }

  private void noteFieldType(long typeId) {
    if (typeId < 0) {
      throw violation("specific_info names type_id " + typeId + ", which is negative");
    }
    if (typeId > highestFieldTypeId) {
      highestFieldTypeId = typeId;
      highestFieldTypeIdEvent = index;
    }
  }

  private void step(TraceEvent.Step e) {
    if (calls == 0) {
      throw violation("a Step before the top-level Call: CodeTracer would invent a top-level function and shift"
          + " every function id (start with Function \"<toplevel>\" and Call of function 0)");
    }
    requireDefined(e.pathId(), paths, "path_id", "Path");
    steps++;
    action();
  }

  private void call(TraceEvent.Call e) {
    requireDefined(e.functionId(), functions, "function_id", "Function");
    if (calls == 0) {
      if (e.functionId() != 0) {
        throw violation("the top-level Call must call function 0 (\"<toplevel>\"), found function_id " + e.functionId());
      }
    } else if (!"Step".equals(lastActionKind)) {
      throw violation("a Call must follow the Step at the callee's first line with only definitions between,"
          + (lastActionKind == null ? " but no Step came before it"
              : " but event " + lastActionIndex + " (" + lastActionKind + ") came after the last Step"));
    }
    if (e.args() == null) {
      throw violation("args is missing");
    }
    for (int i = 0; i < e.args().size(); i++) {
      TraceEvent.Value arg = e.args().get(i);
      if (arg == null) {
        throw violation("argument " + i + " is missing (null)");
      }
      fullValue(arg, "argument " + i + ": ");
    }
    calls++;
    depth++;
    action();
  }

  private void returnEvent(TraceEvent.Return e) {
    if (depth == 0) {
      throw violation("a Return without a matching Call");
    }
    if (depth == 1) {
      throw violation("this Return would end the top-level call, which CodeTracer's streams never return");
    }
    value(e.returnValue(), "return_value");
    depth--;
    action();
  }

  private void other(TraceEvent.Other e) {
    if (e.kind() == null || !OTHER_KINDS.contains(e.kind())) {
      throw violation("CodeTracer has no event kind \"" + e.kind() + "\"");
    }
    if (e.kind().equals("DropLastStep")) {
      if (steps < 2) {
        throw violation("DropLastStep needs at least two steps before it (CodeTracer asserts this), found " + steps);
      }
      steps--;
    }
  }

  private void fullValue(TraceEvent.Value value, String prefix) {
    requireDefined(value.variableId(), variableNames, prefix + "variable_id", "VariableName");
    value(value.value(), prefix + "value");
  }

  private void value(ValueRecord value, String where) {
    if (value == null) {
      throw violation(where + " is missing");
    }
    if (value instanceof ValueRecord.Cell) {
      return;
    }
    String what = where + " (" + valueKind(value) + ")";
    requireDefined(value.typeId(), typeKinds.size(), what + " type_id", "Type");
    String problem = null;
    if (value instanceof ValueRecord.Int) {
      return;
    } else if (value instanceof ValueRecord.Float v) {
      problem = v.f() == null ? "f is missing" : TextFieldRules.checkFloat(v.f());
    } else if (value instanceof ValueRecord.Str v) {
      problem = v.text() == null ? "text is missing" : null;
    } else if (value instanceof ValueRecord.Char v) {
      problem = v.c() == null ? "c is missing" : TextFieldRules.checkChar(v.c());
    } else if (value instanceof ValueRecord.BigInt v) {
      problem = v.b() == null ? "b is missing" : TextFieldRules.checkBase64(v.b());
    } else if (value instanceof ValueRecord.Raw v) {
      problem = v.r() == null ? "r is missing" : null;
    } else if (value instanceof ValueRecord.Error v) {
      problem = v.msg() == null ? "msg is missing" : null;
    } else if (value instanceof ValueRecord.Sequence v) {
      elements(v.elements(), where, "elements");
    } else if (value instanceof ValueRecord.Tuple v) {
      elements(v.elements(), where, "elements");
    } else if (value instanceof ValueRecord.Struct v) {
      elements(v.fieldValues(), where, "field_values");
      problem = structShape(v);
    } else if (value instanceof ValueRecord.Variant v) {
      problem = v.discriminator() == null ? "discriminator is missing" : null;
      value(v.contents(), where + ".contents");
    } else if (value instanceof ValueRecord.Reference v) {
      value(v.dereferenced(), where + ".dereferenced");
    }
    if (problem != null) {
      throw violation(what + ": " + problem);
    }
  }

  private void elements(List<ValueRecord> elements, String where, String field) {
    if (elements == null) {
      throw violation(where + ": " + field + " is missing");
    }
    for (int i = 0; i < elements.size(); i++) {
      value(elements.get(i), where + "." + field + "[" + i + "]");
    }
  }

  private String structShape(ValueRecord.Struct v) {
    int typeId = (int) v.typeId();
    int expected = structFieldCounts.get(typeId);
    if (expected == NOT_A_STRUCT) {
      return "type " + typeId + " has no Struct specific_info, which a Struct value's type needs";
    }
    if (expected != v.fieldValues().size()) {
      return v.fieldValues().size() + " field_values, but type " + typeId + " has " + expected + " fields";
    }
    return null;
  }

  private void requireDefined(long id, long defined, String field, String definingKind) {
    if (id < 0) {
      throw violation(field + " " + id + " is negative");
    }
    if (id >= defined) {
      throw violation(field + " " + id + " is not defined (" + defined + " " + definingKind + " events so far)");
    }
  }

  private void requireText(String text, String field) {
    if (text == null) {
      throw violation(field + " is missing");
    }
  }

  private void action() {
    lastActionKind = kind;
    lastActionIndex = index;
  }

  private InvalidTraceException violation(String message) {
    return new InvalidTraceException("event " + index + " (" + kind + "): " + message);
  }

  private static String valueKind(ValueRecord value) {
    String name = value.getClass().getSimpleName();
    return name.equals("Str") ? "String" : name;
  }
}
