package dev.codetracer.core.recording;

import java.nio.file.Path;

/**
 * A test's keys in its recording's {@code trace_metadata.json} (see {@code docs/trace-metadata.md}),
 * written by the front end that ran the test (the JUnit extension, the Maven plugin) into the
 * folder the recorder finished.
 *
 * @param outcome the recorded run's: {@code passed}, {@code failed} or {@code aborted}
 * @param failure the failure the recording is about, or null
 * @param recordMode {@code retain} (recorded as it ran) or {@code rerun} (run again under the recorder)
 * @param reproduced rerun mode: whether the failure happened again; null otherwise
 * @param recordedBy the front end ({@code codetracer-junit}, {@code codetracer-maven-plugin})
 */
public record TestFacts(Test test, String outcome, Failure failure, String recordMode, Boolean reproduced, String recordedBy) {

  /**
   * Which test.
   *
   * @param uniqueId the JUnit unique id
   * @param className the test class (binary name)
   * @param methodName the test method, or null
   * @param parameters the arguments of a parameterized invocation, rendered, or null
   */
  public record Test(String uniqueId, String displayName, String className, String methodName, String parameters) {}

  /** An exception as the test framework reported it. */
  public record Failure(String type, String message, String stack) {}

  /** Adds these keys to the metadata of the recording in {@code folder}, keeping every other key. */
  public TraceMetadata writeTo(Path folder) {
    TraceMetadata metadata = TraceMetadataFile.read(folder);
    metadata.testId = test.uniqueId();
    metadata.testName = test.displayName();
    metadata.testClass = test.className();
    metadata.testMethod = test.methodName();
    metadata.testParameters = test.parameters();
    metadata.testOutcome = outcome;
    if (failure != null) {
      metadata.failureType = failure.type();
      metadata.failureMessage = failure.message();
      metadata.failureStack = failure.stack();
    }
    metadata.recordMode = recordMode;
    metadata.reproduced = reproduced;
    if (recordedBy != null) {
      metadata.put("recorded_by", recordedBy);
    }
    TraceMetadataFile.write(folder, metadata);
    return metadata;
  }
}
