package dev.codetracer.maven.tests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codetracer.maven.fork.ResultKeys;
import java.nio.file.Path;

/** One test's outcome as the forked JVM reported it. */
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
    Long durationMs,
    Path recording,
    String recordingProblem) {

  static TestResult of(JsonNode node) {
    String recording = text(node, ResultKeys.RECORDING);
    return new TestResult(
        text(node, ResultKeys.UNIQUE_ID),
        text(node, ResultKeys.DISPLAY_NAME),
        text(node, ResultKeys.CLASS_NAME),
        text(node, ResultKeys.METHOD_NAME),
        text(node, ResultKeys.PARAMETERS),
        text(node, ResultKeys.OUTCOME),
        node.path(ResultKeys.CONTAINER).asBoolean(false),
        text(node, ResultKeys.FAILURE_TYPE),
        text(node, ResultKeys.FAILURE_MESSAGE),
        text(node, ResultKeys.FAILURE_STACK),
        node.has(ResultKeys.DURATION_MS) ? node.get(ResultKeys.DURATION_MS).asLong() : null,
        recording == null ? null : Path.of(recording),
        text(node, ResultKeys.RECORDING_PROBLEM));
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asText();
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
        failureMessage, failureStack, durationMs, folder, problem);
  }
}
