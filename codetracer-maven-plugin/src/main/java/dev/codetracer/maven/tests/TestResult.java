package dev.codetracer.maven.tests;

import dev.codetracer.core.recording.TestFacts;
import dev.codetracer.junit.runner.PartialRun;
import dev.codetracer.junit.runner.RunResult;
import java.nio.file.Files;
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
    return new TestResult(
        test.uniqueId(),
        test.displayName(),
        test.className(),
        test.methodName(),
        parameters(test.uniqueId(), test.displayName(), test.methodName()),
        test.outcome(),
        false,
        test.failureType(),
        test.failureMessage(),
        test.failureStack(),
        test.recording(),
        test.recordingProblem());
  }

  /**
   * A test that was running when the JVM exited: failed, as Surefire counts it, with the
   * recording the recorder kept as the JVM exited, when it kept one.
   */
  static TestResult exitedDuring(PartialRun.StartedTest test, int status) {
    Path recording = test.recording() != null && Files.isDirectory(test.recording()) ? test.recording() : null;
    String problem = test.recording() == null ? test.recordingProblem() : recording == null ? "the recorder kept nothing when the JVM exited" : null;
    return new TestResult(
        test.uniqueId(),
        test.displayName(),
        test.className(),
        test.methodName(),
        parameters(test.uniqueId(), test.displayName(), test.methodName()),
        "failed",
        false,
        null,
        "the test JVM exited (exit status " + status + ") while this test ran (most likely System.exit)",
        null,
        recording,
        problem);
  }

  /** A parameterized invocation's display name ({@code [2] 3}), or null. */
  private static String parameters(String uniqueId, String displayName, String methodName) {
    boolean invocation = methodName != null && uniqueId.contains("-invocation:#");
    return invocation ? displayName : null;
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
    // a test that ended the JVM has a message and no exception
    return failureType == null && failureMessage == null ? null : new TestFacts.Failure(failureType, failureMessage, failureStack);
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
