package dev.codetracer.junit.runner;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link RecordingTestRunner} writes to its {@code --result} file ({@link RunResultFile}):
 * every test that ran, with its outcome, failure and recording, and the containers that did not
 * succeed (a class whose {@code @BeforeAll} failed runs none of its tests).
 *
 * @param recorder what recorded ({@code codetracer-agent from ...}), or {@code no recorder loaded}
 */
public record RunResult(int formatVersion, String recorder, List<TestResult> tests, List<ContainerFailure> containerFailures) {
  public static final int FORMAT_VERSION = 1;

  /**
   * One test.
   *
   * @param className the test class (binary name), or null when the engine has none
   * @param methodName the test method, or null
   * @param outcome {@code passed}, {@code failed}, {@code aborted} or {@code skipped}
   * @param failureType the exception's class of a failed or aborted test, or null
   * @param recording the kept recording's absolute folder, or null
   * @param recordingProblem why a test that should have a recording has none, or null
   * @param skipReason why a skipped test did not run, or null
   */
  public record TestResult(
      String uniqueId,
      String displayName,
      String className,
      String methodName,
      String outcome,
      String failureType,
      String failureMessage,
      String failureStack,
      long durationMs,
      Path recording,
      String recordingProblem,
      String skipReason) {

    public boolean failed() {
      return TestOutcome.FAILED.value().equals(outcome);
    }
  }

  /**
   * A container (class, {@code @Nested} class, engine) that failed or was aborted outside its tests.
   *
   * @param outcome {@code failed} or {@code aborted}
   */
  public record ContainerFailure(
      String uniqueId, String displayName, String outcome, String failureType, String failureMessage, String failureStack) {

    public boolean failed() {
      return TestOutcome.FAILED.value().equals(outcome);
    }
  }

  /** The test with this unique id, when it ran. */
  public java.util.Optional<TestResult> test(String uniqueId) {
    return tests.stream().filter(test -> test.uniqueId().equals(uniqueId)).findFirst();
  }

  /** True when a test or a container failed (not only aborted or skipped). */
  public boolean anyFailed() {
    return tests.stream().anyMatch(TestResult::failed) || containerFailures.stream().anyMatch(ContainerFailure::failed);
  }
}
