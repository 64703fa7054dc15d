package dev.codetracer.core.index;

import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import java.nio.file.Path;
import java.util.List;

/** One row of the local index. */
public record IndexedRecording(
    String recordingId,
    String program,
    List<String> args,
    String workdir,
    String backend,
    String language,
    String recordedAt,
    Long durationMs,
    Integer exitCode,
    Path folder,
    boolean imported,
    long sizeBytes,
    String testId,
    String testName,
    String testOutcome) {

  /** The row for a recording folder, under the id given (foreign recordings may lack one). */
  public static IndexedRecording of(String recordingId, RecordingFolder folder, boolean imported) {
    TraceMetadata m = folder.metadata();
    return new IndexedRecording(
        recordingId,
        m.program,
        List.copyOf(m.args),
        m.workdir,
        folder.backend(),
        m.language,
        m.startTime,
        m.durationMs,
        m.exitCode,
        folder.path(),
        imported,
        folder.sizeBytes(),
        m.testId,
        m.isTest() ? m.testLabel() : null,
        m.testOutcome);
  }
}
