package dev.codetracer.junit.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --result} file: {@link RunResult} as JSON. The runner writes it without a JSON
 * library ({@link JsonWriter}); the JVM that started the runner parses it with its own (Jackson,
 * in codetracer) and turns the parsed object back into a {@link RunResult} with {@link #fromJson}.
 */
public final class RunResultFile {
  static final String FORMAT_VERSION = "format_version";
  static final String RECORDER = "recorder";
  static final String TESTS = "tests";
  static final String CONTAINER_FAILURES = "container_failures";
  static final String UNIQUE_ID = "unique_id";
  static final String DISPLAY_NAME = "display_name";
  static final String CLASS = "class";
  static final String METHOD = "method";
  static final String OUTCOME = "outcome";
  static final String FAILURE_TYPE = "failure_type";
  static final String FAILURE_MESSAGE = "failure_message";
  static final String FAILURE_STACK = "failure_stack";
  static final String DURATION_MS = "duration_ms";
  static final String RECORDING = "recording";
  static final String RECORDING_PROBLEM = "recording_problem";
  static final String SKIP_REASON = "skip_reason";

  private RunResultFile() {}

  /** Writes the file atomically (a reader never sees half of it). */
  public static void write(Path file, RunResult result) {
    try {
      Path target = file.toAbsolutePath();
      Files.createDirectories(target.getParent());
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      Files.writeString(partial, JsonWriter.write(toJson(result)), StandardCharsets.UTF_8);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the result file " + file + ": " + e.getMessage(), e);
    }
  }

  static Map<String, Object> toJson(RunResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(FORMAT_VERSION, result.formatVersion());
    json.put(RECORDER, result.recorder());
    List<Object> tests = new ArrayList<>();
    result.tests().forEach(test -> tests.add(toJson(test)));
    json.put(TESTS, tests);
    List<Object> containers = new ArrayList<>();
    result.containerFailures().forEach(container -> containers.add(toJson(container)));
    json.put(CONTAINER_FAILURES, containers);
    return json;
  }

  static Map<String, Object> toJson(RunResult.TestResult test) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(UNIQUE_ID, test.uniqueId());
    entry.put(DISPLAY_NAME, test.displayName());
    entry.put(CLASS, test.className());
    entry.put(METHOD, test.methodName());
    entry.put(OUTCOME, test.outcome());
    entry.put(FAILURE_TYPE, test.failureType());
    entry.put(FAILURE_MESSAGE, test.failureMessage());
    entry.put(FAILURE_STACK, test.failureStack());
    entry.put(DURATION_MS, test.durationMs());
    entry.put(RECORDING, test.recording() == null ? null : test.recording().toString());
    entry.put(RECORDING_PROBLEM, test.recordingProblem());
    entry.put(SKIP_REASON, test.skipReason());
    return entry;
  }

  static Map<String, Object> toJson(RunResult.ContainerFailure container) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(UNIQUE_ID, container.uniqueId());
    entry.put(DISPLAY_NAME, container.displayName());
    entry.put(OUTCOME, container.outcome());
    entry.put(FAILURE_TYPE, container.failureType());
    entry.put(FAILURE_MESSAGE, container.failureMessage());
    entry.put(FAILURE_STACK, container.failureStack());
    return entry;
  }

  /**
   * The result in a parsed file: JSON objects as maps, arrays as lists, numbers as {@link Number}s.
   *
   * @throws IllegalArgumentException when it is not a result file this version reads
   */
  public static RunResult fromJson(Map<?, ?> json) {
    checkFormatVersion(json, "result file");
    List<RunResult.TestResult> tests = new ArrayList<>();
    objects(json.get(TESTS)).forEach(entry -> tests.add(testOf(entry)));
    List<RunResult.ContainerFailure> containers = new ArrayList<>();
    objects(json.get(CONTAINER_FAILURES)).forEach(entry -> containers.add(containerOf(entry)));
    return new RunResult(RunResult.FORMAT_VERSION, text(json, RECORDER), List.copyOf(tests), List.copyOf(containers));
  }

  /** @param what names the file in the message */
  static void checkFormatVersion(Map<?, ?> json, String what) {
    Object version = json.get(FORMAT_VERSION);
    if (!(version instanceof Number) || ((Number) version).intValue() != RunResult.FORMAT_VERSION) {
      throw new IllegalArgumentException("not a " + what + " of format_version " + RunResult.FORMAT_VERSION + " (format_version: " + version + ")");
    }
  }

  static RunResult.TestResult testOf(Map<?, ?> entry) {
    String recording = text(entry, RECORDING);
    Object duration = entry.get(DURATION_MS);
    return new RunResult.TestResult(
        text(entry, UNIQUE_ID),
        text(entry, DISPLAY_NAME),
        text(entry, CLASS),
        text(entry, METHOD),
        text(entry, OUTCOME),
        text(entry, FAILURE_TYPE),
        text(entry, FAILURE_MESSAGE),
        text(entry, FAILURE_STACK),
        duration instanceof Number ? ((Number) duration).longValue() : 0,
        recording == null ? null : Path.of(recording),
        text(entry, RECORDING_PROBLEM),
        text(entry, SKIP_REASON));
  }

  static RunResult.ContainerFailure containerOf(Map<?, ?> entry) {
    return new RunResult.ContainerFailure(
        text(entry, UNIQUE_ID),
        text(entry, DISPLAY_NAME),
        text(entry, OUTCOME),
        text(entry, FAILURE_TYPE),
        text(entry, FAILURE_MESSAGE),
        text(entry, FAILURE_STACK));
  }

  private static List<Map<?, ?>> objects(Object array) {
    List<Map<?, ?>> objects = new ArrayList<>();
    if (array instanceof List<?>) {
      for (Object element : (List<?>) array) {
        if (element instanceof Map<?, ?>) {
          objects.add((Map<?, ?>) element);
        }
      }
    }
    return objects;
  }

  static String text(Map<?, ?> object, String key) {
    Object value = object.get(key);
    return value == null ? null : value.toString();
  }
}
