package dev.codetracer.viewer.api;

import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.ValueRecord;
import dev.codetracer.viewer.index.Definitions;
import dev.codetracer.viewer.index.RecordingIndex;
import dev.codetracer.viewer.stream.EventStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One step as the page shows it: where it is, the variables there, and the call stack. */
public final class StepView {
  private final RecordingIndex index;
  private final EventStream stream;
  private final ValueJson values;
  private final OutputKinds outputKinds = new OutputKinds();

  public StepView(RecordingIndex index, EventStream stream) {
    this.index = index;
    this.stream = stream;
    this.values = new ValueJson(index.definitions());
  }

  public Map<String, Object> at(int step) {
    StepEvents events = StepEvents.read(stream, index, step);
    Map<String, Object> json = location(step);
    json.put("step_count", index.stepCount());
    List<Map<String, Object>> variables = new ArrayList<>();
    for (Map.Entry<String, ValueRecord> variable : events.variables.entrySet()) {
      variables.add(values.named(variable.getKey(), variable.getValue()));
    }
    json.put("variables", variables);
    if (!events.returned.isEmpty()) {
      json.put("returned", values.of(events.returned.get(0)));
    }
    List<Map<String, Object>> output = new ArrayList<>();
    for (TraceEvent.Log log : events.output) {
      output.add(Map.of("stream", outputKinds.name(log.kind()), "text", log.content()));
    }
    json.put("output", output);
    json.put("cut_off", events.cutOff);
    json.put("stack", stack(step));
    json.put("visits", index.visits(index.stepLocation(step)));
    return json;
  }

  /** The step's place: path, line, call, function, depth. */
  public Map<String, Object> location(int step) {
    Definitions definitions = index.definitions();
    Definitions.Location location = index.location(index.stepLocation(step));
    int call = index.stepCall(step);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("step", step);
    json.put("path", definitions.path(location.pathId()));
    json.put("line", location.line());
    json.put("call", call);
    json.put("function", call < 0 ? "" : definitions.functionName(index.callFunction(call)));
    json.put("depth", call < 0 ? 0 : index.callDepth(call));
    return json;
  }

  /** The frames from the step's call up to the top: each at the line it is executing. */
  private List<Map<String, Object>> stack(int step) {
    List<Map<String, Object>> frames = new ArrayList<>();
    int frameStep = step;
    for (int call = index.stepCall(step); call >= 0; call = index.callParent(call)) {
      Map<String, Object> frame = new LinkedHashMap<>();
      frame.put("call", call);
      frame.put("function", index.definitions().functionName(index.callFunction(call)));
      if (frameStep >= 0) {
        Definitions.Location location = index.location(index.stepLocation(frameStep));
        frame.put("step", frameStep);
        frame.put("path", index.definitions().path(location.pathId()));
        frame.put("line", location.line());
      }
      frames.add(frame);
      frameStep = index.callerStep(call);
    }
    return frames;
  }
}
