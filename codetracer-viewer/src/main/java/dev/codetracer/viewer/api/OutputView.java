package dev.codetracer.viewer.api;

import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.viewer.index.RecordingIndex;
import dev.codetracer.viewer.stream.EventStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's output (Event events) in pages, each entry with the step that wrote it. */
public final class OutputView {
  public static final int MAX_PAGE = 1000;

  private final RecordingIndex index;
  private final EventStream stream;
  private final OutputKinds kinds = new OutputKinds();

  public OutputView(RecordingIndex index, EventStream stream) {
    this.index = index;
    this.stream = stream;
  }

  public Map<String, Object> page(int from, int count) {
    int start = Math.max(0, Math.min(from, index.outputCount()));
    int end = Math.min(index.outputCount(), start + Math.max(0, Math.min(count, MAX_PAGE)));
    List<Map<String, Object>> entries = new ArrayList<>();
    for (int i = start; i < end; i++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("index", i);
      entry.put("step", index.outputStep(i));
      entry.put("stream", kinds.name(index.outputKind(i)));
      entry.put("text", text(i));
      entries.add(entry);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", start);
    json.put("total", index.outputCount());
    json.put("entries", entries);
    return json;
  }

  /** The output at or after a step: where the console scrolls to. */
  public int firstAtOrAfter(int step) {
    return index.firstOutputAtOrAfter(step);
  }

  String text(int output) {
    Iterator<TraceEvent> events = stream.eventsFrom(index.outputPosition(output));
    return events.hasNext() && events.next() instanceof TraceEvent.Log log ? log.content() : "";
  }
}
