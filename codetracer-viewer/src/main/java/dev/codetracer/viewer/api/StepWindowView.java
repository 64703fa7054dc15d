package dev.codetracer.viewer.api;

import dev.codetracer.viewer.index.RecordingIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A window of consecutive steps (where each one was), from the index alone. */
public final class StepWindowView {
  public static final int MAX_WINDOW = 2000;

  private final RecordingIndex index;
  private final StepView steps;

  public StepWindowView(RecordingIndex index, StepView steps) {
    this.index = index;
    this.steps = steps;
  }

  public Map<String, Object> window(int from, int count) {
    int start = Math.max(0, Math.min(from, index.stepCount()));
    int end = Math.min(index.stepCount(), start + Math.max(0, Math.min(count, MAX_WINDOW)));
    List<Map<String, Object>> window = new ArrayList<>();
    for (int step = start; step < end; step++) {
      window.add(steps.location(step));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", start);
    json.put("total", index.stepCount());
    json.put("steps", window);
    return json;
  }
}
