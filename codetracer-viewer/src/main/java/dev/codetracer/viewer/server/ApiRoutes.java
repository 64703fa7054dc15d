package dev.codetracer.viewer.server;

import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.viewer.RecordingViewer;
import dev.codetracer.viewer.api.RecordingView;
import dev.codetracer.viewer.index.RecordingIndex;
import dev.codetracer.viewer.navigation.Move;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The JSON API: one method per endpoint, each a function of the query. */
final class ApiRoutes {
  private static final int MAX_FUNCTIONS_PAGE = 1000;

  private final RecordingViewer viewer;
  private final Map<String, Function<QueryParameters, Object>> routes = new LinkedHashMap<>();
  private volatile List<FunctionIndexEntry> functionIndex;

  ApiRoutes(RecordingViewer viewer) {
    this.viewer = viewer;
    routes.put("/api/recording", q -> new RecordingView(viewer).summary());
    routes.put("/api/steps", this::steps);
    routes.put("/api/step", this::step);
    routes.put("/api/nav", this::navigate);
    routes.put("/api/calls", this::calls);
    routes.put("/api/call", this::call);
    routes.put("/api/output", this::output);
    routes.put("/api/timeline", this::timeline);
    routes.put("/api/source", this::source);
    routes.put("/api/sources", q -> Map.of("files", viewer.sources().list()));
    routes.put("/api/functions", this::functions);
  }

  /** The endpoint's answer, or null when there is no such endpoint. */
  Object answer(String path, QueryParameters query) {
    Function<QueryParameters, Object> route = routes.get(path);
    return route == null ? null : route.apply(query);
  }

  private Object steps(QueryParameters q) {
    stepsIndex();
    return viewer.stepWindows().window(q.integer("from", 0), q.integer("count", 100));
  }

  private Object step(QueryParameters q) {
    int step = checkedStep(q.requiredInteger("n"));
    return viewer.steps().at(step);
  }

  private Object navigate(QueryParameters q) {
    RecordingIndex index = stepsIndex();
    int from = checkedStep(q.integer("from", 0));
    Move move;
    try {
      move = Move.fromUrlName(q.required("move").toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, e.getMessage());
    }
    int location = -1;
    if (q.text("line").isPresent()) {
      location = index.locationId(q.required("path"), q.requiredInteger("line"));
      if (location < 0) {
        return navigation(from, from, "the run never executes that line");
      }
    }
    int to = viewer.navigator().move(from, move, location);
    String note = to != from ? null : switch (move) {
      case LINE_BACK -> "the run was not at this line before";
      case LINE_FORWARD -> "the run is not at this line again";
      case FORWARD, OVER, OUT, END -> "this is the end of the recording";
      case BACK, OVER_BACK, OUT_BACK, START -> "this is the start of the recording";
      default -> null;
    };
    return navigation(from, to, note);
  }

  private Map<String, Object> navigation(int from, int to, String note) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", from);
    json.put("step", to);
    json.put("moved", to != from);
    if (note != null) {
      json.put("note", note);
    }
    json.put("location", viewer.steps().location(to));
    return json;
  }

  private Object calls(QueryParameters q) {
    RecordingIndex index = stepsIndex();
    int parent = q.integer("parent", -1);
    int after = q.integer("after", -1);
    checkCall(index, parent, true);
    checkCall(index, after, true);
    return viewer.calls().children(parent, after, q.integer("limit", 200));
  }

  private Object call(QueryParameters q) {
    RecordingIndex index = stepsIndex();
    int id = q.requiredInteger("id");
    checkCall(index, id, false);
    return viewer.calls().call(id);
  }

  private Object output(QueryParameters q) {
    stepsIndex();
    int from = q.text("step").isPresent()
        ? viewer.output().firstAtOrAfter(checkedStep(q.requiredInteger("step")))
        : q.integer("from", 0);
    return viewer.output().page(from, q.integer("count", 200));
  }

  private Object timeline(QueryParameters q) {
    stepsIndex();
    return viewer.timeline().range(q.integer("from", 0), q.integer("to", -1), q.integer("buckets", 600));
  }

  private Object source(QueryParameters q) {
    String requested = q.required("path");
    Path file = viewer.sources().find(requested)
        .orElseThrow(() -> new ApiException(404, "no copy of " + requested + " in the recording"));
    try {
      String text = viewer.sources().read(file);
      if (text == null) {
        throw new ApiException(413, requested + " is larger than the viewer shows");
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("path", requested);
      json.put("file", viewer.folder().path().relativize(file).toString());
      json.put("text", text);
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object functions(QueryParameters q) {
    List<FunctionIndexEntry> all = functionIndex;
    if (all == null) {
      all = FunctionIndexFile.read(viewer.folder().path());
      functionIndex = all;
    }
    String filter = q.text("filter").orElse("").toLowerCase(Locale.ROOT);
    int from = Math.max(0, q.integer("from", 0));
    int count = Math.max(0, Math.min(q.integer("count", 200), MAX_FUNCTIONS_PAGE));
    List<FunctionIndexEntry> page = new ArrayList<>();
    int matched = 0;
    for (FunctionIndexEntry entry : all) {
      if (filter.isEmpty() || entry.name().toLowerCase(Locale.ROOT).contains(filter)) {
        if (matched >= from && page.size() < count) {
          page.add(entry);
        }
        matched++;
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("total", matched);
    json.put("from", from);
    json.put("functions", page);
    return json;
  }

  /** The index, when there are steps to ask about; otherwise the reason there are none. */
  private RecordingIndex stepsIndex() {
    if (viewer.isRr()) {
      throw new ApiException(404, "an rr recording has no event stream to step through: replay it with rr");
    }
    if (!viewer.hasSteps()) {
      throw new ApiException(409, viewer.streamError().orElse("the recording has no steps"));
    }
    return viewer.index().orElseThrow();
  }

  private int checkedStep(int step) {
    RecordingIndex index = stepsIndex();
    if (step < 0 || step >= index.stepCount()) {
      throw new ApiException(404, "step " + step + " is not in the recording (it has " + index.stepCount() + " steps)");
    }
    return step;
  }

  private static void checkCall(RecordingIndex index, int call, boolean minusOneAllowed) {
    if ((call < 0 && !(minusOneAllowed && call == -1)) || call >= index.callCount()) {
      throw new ApiException(404, "call " + call + " is not in the recording (it has " + index.callCount() + " calls)");
    }
  }
}
