package dev.codetracer.viewer.api;

import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import dev.codetracer.viewer.RecordingViewer;
import dev.codetracer.viewer.index.IndexManifest;
import dev.codetracer.viewer.index.RecordingIndex;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the page shows at the top: the test and its failure, the program, and the recording's facts. */
public final class RecordingView {
  private final RecordingViewer viewer;

  public RecordingView(RecordingViewer viewer) {
    this.viewer = viewer;
  }

  public Map<String, Object> summary() {
    RecordingFolder folder = viewer.folder();
    TraceMetadata m = folder.metadata();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", viewer.isRr() ? "rr" : "trace");
    json.put("folder", folder.path().toString());
    json.put("recording_id", m.recordingId);
    json.put("program", m.program);
    json.put("args", m.args);
    json.put("workdir", m.workdir);
    json.put("backend", folder.backend());
    json.put("language", m.language);
    json.put("start_time", m.startTime);
    json.put("duration_ms", m.durationMs);
    json.put("exit_code", m.exitCode);
    if (m.isTest()) {
      Map<String, Object> test = new LinkedHashMap<>();
      test.put("name", m.testLabel());
      test.put("id", m.testId);
      test.put("class", m.testClass);
      test.put("method", m.testMethod);
      test.put("outcome", m.testOutcome);
      json.put("test", test);
    }
    if (m.failureMessage != null || m.failureType != null || m.failureStack != null) {
      Map<String, Object> failure = new LinkedHashMap<>();
      failure.put("type", m.failureType);
      failure.put("message", m.failureMessage);
      failure.put("stack", m.failureStack);
      json.put("failure", failure);
    }
    json.put("metadata", TraceMetadataFile.toJson(m));
    viewer.index().ifPresent(index -> json.put("stream", stream(index)));
    viewer.streamError().ifPresent(error -> json.put("stream_error", error));
    if (viewer.isRr()) {
      json.put("rr_replay_command", "rr replay " + shellQuoted(folder.path().resolve(RecordingFolder.RR_DIR)));
    }
    return json;
  }

  private Map<String, Object> stream(RecordingIndex index) {
    IndexManifest manifest = index.manifest();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", manifest.stream);
    json.put("events", manifest.events);
    json.put("steps", manifest.steps);
    json.put("calls", manifest.calls);
    json.put("outputs", manifest.outputs);
    json.put("failure_step", viewer.failureStep());
    if (viewer.failureStep() >= 0) {
      json.put("error", viewer.output().page(index.outputCount() - 1, 1).get("entries"));
    }
    return json;
  }

  static String shellQuoted(Path path) {
    String text = path.toString();
    if (text.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return text;
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
