package dev.codetracer.maven.tests;

import dev.codetracer.core.recording.TestFacts;
import dev.codetracer.junit.runner.RunResult;
import java.nio.file.Path;

/**
 * One test's outcome as the forked JVM reported it, or a failure outside any test (a container:
 * a class whose {@code @BeforeAll} or constructor failed), as the summary shows them.
 *
 * @param parameters a parameterized invocation's display name ({@code [2] 3}), or null
 */
public record TestResult(
    String uniqueId,
    String displayName,
    String className,
    String methodName,
    String parameters,
    String outcome,
    boolean container,
    String failureType,
    String failureMessage,
    String failureStack,
    Path recording,
    String recordingProblem) {

  static TestResult of(RunResult.TestResult test) {
    boolean invocation = test.methodName() != null && test.uniqueId().contains("-invocation:#");
    return new TestResult(
        test.uniqueId(),
        test.displayName(),
        test.className(),
        test.methodName(),
        invocation ? test.displayName() : null,
        test.outcome(),
        false,
        test.failureType(),
        test.failureMessage(),
        test.failureStack(),
        test.recording(),
        test.recordingProblem());
  }

  static TestResult of(RunResult.ContainerFailure container) {
    return new TestResult(
        container.uniqueId(),
        container.displayName(),
        null,
        null,
        null,
        container.outcome(),
        true,
        container.failureType(),
        container.failureMessage(),
        container.failureStack(),
        null,
        "a failure outside a test (e.g. in @BeforeAll or a constructor) is not recorded");
  }

  /** The test, as its recording's metadata names it. */
  public TestFacts.Test metadataTest() {
    return new TestFacts.Test(uniqueId, displayName, className, methodName, parameters);
  }

  /** The failure, as its recording's metadata has it; null when there was none. */
  public TestFacts.Failure metadataFailure() {
    return failureType == null ? null : new TestFacts.Failure(failureType, failureMessage, failureStack);
  }

  public boolean failed() {
    return "failed".equals(outcome);
  }

  /** How a person names the test: {@code CalculatorTest.divides} (+ the invocation's name). */
  public String label() {
    String simpleClass = className == null ? "" : className.substring(className.lastIndexOf('.') + 1);
    if (methodName == null) {
      return simpleClass.isEmpty() ? displayName : simpleClass;
    }
    return simpleClass + "." + methodName + (parameters == null ? "" : " " + parameters);
  }

  public TestResult withRecording(Path folder, String problem) {
    return new TestResult(uniqueId, displayName, className, methodName, parameters, outcome, container, failureType,
        failureMessage, failureStack, folder, problem);
  }
}
