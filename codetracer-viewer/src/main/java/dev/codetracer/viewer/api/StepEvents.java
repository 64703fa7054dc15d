package dev.codetracer.viewer.api;

import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.ValueRecord;
import dev.codetracer.viewer.index.Definitions;
import dev.codetracer.viewer.index.RecordingIndex;
import dev.codetracer.viewer.stream.EventStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one step, read from the stream at the step's position up to the next step: the
 * variables recorded there (and the arguments of a call it starts, but not those of a call the
 * line makes), what returned and what was written.
 */
final class StepEvents {
  /** A step with more events than this is cut off (a huge array of locals, a runaway loop of output). */
  static final int MAX_EVENTS = 100_000;

  final Map<String, ValueRecord> variables = new LinkedHashMap<>();
  final List<ValueRecord> returned = new ArrayList<>();
  final List<TraceEvent.Log> output = new ArrayList<>();
  boolean cutOff;

  static StepEvents read(EventStream stream, RecordingIndex index, int step) {
    Definitions definitions = index.definitions();
    StepEvents events = new StepEvents();
    Iterator<TraceEvent> it = stream.eventsFrom(index.stepPosition(step));
    // the step's values in order: the last ones may turn out to be the arguments of a call the
    // line makes, which the stream writes before the callee's first step, where they belong
    List<TraceEvent.Value> values = new ArrayList<>();
    boolean inStep = false;
    TraceEvent previous = null;
    int count = 0;
    while (it.hasNext()) {
      if (++count > MAX_EVENTS) {
        events.cutOff = true;
        break;
      }
      TraceEvent event = it.next();
      if (event instanceof TraceEvent.Step) {
        if (inStep) {
          if (it.hasNext() && it.next() instanceof TraceEvent.Call next) {
            dropArguments(values, next);
          }
          break;
        }
        inStep = true;
      } else if (event instanceof TraceEvent.Value v) {
        values.add(v);
      } else if (event instanceof TraceEvent.Call c) {
        // its argument values just before: for a call this step enters (the step's position may be
        // at them) the call's own replace them; a callee without a step of its own (no line
        // numbers) was called by this line, and its arguments are not the line's variables
        dropArguments(values, c);
        if (previous instanceof TraceEvent.Step) {
          values.addAll(c.args());
        }
      } else if (event instanceof TraceEvent.Return r) {
        events.returned.add(r.returnValue());
      } else if (event instanceof TraceEvent.Log log) {
        events.output.add(log);
      } else if (event instanceof TraceEvent.Other other && other.kind().equals("DropLastStep")) {
        break;
      }
      previous = event;
    }
    for (TraceEvent.Value value : values) {
      events.variables.put(definitions.variableName(value.variableId()), value.value());
    }
    return events;
  }

  /** Leaves out the values just before a call that are its arguments (the same variables, in order). */
  private static void dropArguments(List<TraceEvent.Value> values, TraceEvent.Call call) {
    List<TraceEvent.Value> arguments = call.args();
    int from = values.size() - arguments.size();
    if (from < 0) {
      return;
    }
    for (int i = 0; i < arguments.size(); i++) {
      if (values.get(from + i).variableId() != arguments.get(i).variableId()) {
        return;
      }
    }
    values.subList(from, values.size()).clear();
  }
}
