package dev.codetracer.viewer.api;

import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.viewer.index.Definitions;
import dev.codetracer.viewer.index.RecordingIndex;
import dev.codetracer.viewer.stream.EventStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The call tree, a level at a time: a call with its arguments, return value and step range, and
 * its children in pages (a loop can make millions of calls from one frame).
 */
public final class CallView {
  public static final int MAX_PAGE = 1000;

  private final RecordingIndex index;
  private final EventStream stream;
  private final ValueJson values;

  public CallView(RecordingIndex index, EventStream stream) {
    this.index = index;
    this.stream = stream;
    this.values = new ValueJson(index.definitions());
  }

  /**
   * The children of a call (the top-level calls for -1) after the child {@code after} (-1: from the
   * first), at most {@code limit}.
   */
  public Map<String, Object> children(int parent, int after, int limit) {
    int page = Math.max(1, Math.min(limit, MAX_PAGE));
    int next;
    if (parent < 0) {
      next = after < 0 && index.callCount() > 0 ? 0 : -1;
    } else {
      next = after < 0 ? index.callFirstChild(parent) : index.callNextSibling(after);
    }
    List<Map<String, Object>> calls = new ArrayList<>();
    while (next >= 0 && calls.size() < page) {
      calls.add(call(next));
      next = parent < 0 ? -1 : index.callNextSibling(next);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("parent", parent);
    json.put("calls", calls);
    json.put("more", next >= 0);
    return json;
  }

  public Map<String, Object> call(int call) {
    Definitions definitions = index.definitions();
    int functionId = index.callFunction(call);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", call);
    json.put("function", definitions.functionName(functionId));
    if (functionId >= 0 && functionId < definitions.functions.size()) {
      Definitions.FunctionDef function = definitions.functions.get(functionId);
      json.put("path", definitions.path(function.pathId()));
      json.put("line", function.line());
    }
    json.put("depth", index.callDepth(call));
    json.put("parent", index.callParent(call));
    int first = index.callFirstStep(call);
    json.put("first_step", first >= 0 ? first : index.callSubtreeFirstStep(call));
    json.put("last_step", index.callLastStep(call));
    json.put("children", index.callChildCount(call));
    json.put("args", args(call));
    json.put("returned", index.callReturned(call));
    if (index.callReturned(call)) {
      TraceEvent event = first(index.callReturnPosition(call));
      if (event instanceof TraceEvent.Return r) {
        json.put("return", values.of(r.returnValue()));
      }
    }
    return json;
  }

  private List<Map<String, Object>> args(int call) {
    List<Map<String, Object>> args = new ArrayList<>();
    if (first(index.callEventPosition(call)) instanceof TraceEvent.Call c) {
      for (TraceEvent.Value arg : c.args()) {
        args.add(values.named(index.definitions().variableName(arg.variableId()), arg.value()));
      }
    }
    return args;
  }

  private TraceEvent first(long position) {
    Iterator<TraceEvent> events = stream.eventsFrom(position);
    return events.hasNext() ? events.next() : null;
  }
}
