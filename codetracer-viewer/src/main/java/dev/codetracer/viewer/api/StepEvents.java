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
 * variables recorded there (and the arguments of a call it starts), what returned and what was
 * written.
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
    boolean inStep = false;
    int count = 0;
    while (it.hasNext()) {
      if (++count > MAX_EVENTS) {
        events.cutOff = true;
        break;
      }
      TraceEvent event = it.next();
      if (event instanceof TraceEvent.Step) {
        if (inStep) {
          break;
        }
        inStep = true;
      } else if (event instanceof TraceEvent.Value v) {
        events.variables.put(definitions.variableName(v.variableId()), v.value());
      } else if (event instanceof TraceEvent.Call c) {
        for (TraceEvent.Value arg : c.args()) {
          events.variables.put(definitions.variableName(arg.variableId()), arg.value());
        }
      } else if (event instanceof TraceEvent.Return r) {
        events.returned.add(r.returnValue());
      } else if (event instanceof TraceEvent.Log log) {
        events.output.add(log);
      } else if (event instanceof TraceEvent.Other other && other.kind().equals("DropLastStep")) {
        break;
      }
    }
    return events;
  }
}
