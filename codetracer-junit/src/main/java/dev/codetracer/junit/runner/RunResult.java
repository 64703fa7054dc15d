package dev.codetracer.junit.runner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@link RecordingTestRunner} writes to its {@code --result} file: every test that ran, with
 * its outcome, failure and recording, and the failures of containers (a class whose
 * {@code @BeforeAll} failed runs none of its tests).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResult(
    @JsonProperty("format_version") int formatVersion,
    @JsonProperty("recorder") String recorder,
    @JsonProperty("tests") List<TestResult> tests,
    @JsonProperty("container_failures") List<ContainerFailure> containerFailures) {

  public static final int FORMAT_VERSION = 1;

  /**
   * One test.
   *
   * @param outcome {@code passed}, {@code failed}, {@code aborted} or {@code skipped}
   * @param recording the absolute recording folder, or null
   * @param recordingProblem why there is no recording of a test that should have one, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TestResult(
      @JsonProperty("unique_id") String uniqueId,
      @JsonProperty("display_name") String displayName,
      @JsonProperty("class") String className,
      @JsonProperty("method") String methodName,
      @JsonProperty("outcome") String outcome,
      @JsonProperty("failure_type") String failureType,
      @JsonProperty("failure_message") String failureMessage,
      @JsonProperty("failure_stack") String failureStack,
      @JsonProperty("duration_ms") long durationMs,
      @JsonProperty("recording") String recording,
      @JsonProperty("recording_problem") String recordingProblem) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContainerFailure(
      @JsonProperty("unique_id") String uniqueId,
      @JsonProperty("display_name") String displayName,
      @JsonProperty("failure_type") String failureType,
      @JsonProperty("failure_message") String failureMessage,
      @JsonProperty("failure_stack") String failureStack) {}
}
