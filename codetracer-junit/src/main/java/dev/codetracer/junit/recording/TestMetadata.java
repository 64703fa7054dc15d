package dev.codetracer.junit.recording;

import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.nio.file.Path;

/** Writes a test's keys ({@code test_*}, {@code failure_*}, {@code record_mode}, {@code reproduced}) into a finished recording. */
public final class TestMetadata {
  private TestMetadata() {}

  /**
   * @param failure the failure the recording is about, or null
   * @param recordMode {@code retain} or {@code rerun}
   * @param reproduced rerun mode: whether the recorded run failed again; null otherwise
   */
  public static TraceMetadata write(
      Path folder, TestDescription test, TestOutcome outcome, FailureDescription failure, String recordMode, Boolean reproduced) {
    TraceMetadata metadata = TraceMetadataFile.read(folder);
    metadata.testId = test.uniqueId();
    metadata.testName = test.displayName();
    metadata.testClass = test.className();
    metadata.testMethod = test.methodName();
    metadata.testParameters = test.parameters();
    metadata.testOutcome = outcome.value();
    if (failure != null) {
      metadata.failureType = failure.type();
      metadata.failureMessage = failure.message();
      metadata.failureStack = failure.stack();
    }
    metadata.recordMode = recordMode;
    metadata.reproduced = reproduced;
    TraceMetadataFile.write(folder, metadata);
    return metadata;
  }
}
