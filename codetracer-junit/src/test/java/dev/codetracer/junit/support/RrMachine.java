package dev.codetracer.junit.support;

import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.RecorderUnavailableException;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.rr.RrRecorder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Whether rr can record a JVM on this machine, as core's rr pre-flight says it. */
public final class RrMachine {
  private RrMachine() {}

  /** The pre-flight's message for the test JVMs' {@code java}; empty when rr can record here. */
  public static Optional<String> whyRrCannotRecord() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.keySet().removeIf(key -> key.startsWith("CODETRACER_")); // as SampleRun does
    try {
      new RrRecorder()
          .checkUsable(
              new RecordRequest(
                  List.of(TestJvms.java().toString(), "-version"), TestJvms.moduleDir(), Path.of("/nonexistent/unused"),
                  environment, TraceFormat.JSON, null, false, null));
      return Optional.empty();
    } catch (RecorderUnavailableException e) {
      return Optional.of(e.getMessage());
    }
  }
}
