package dev.codetracer.junit.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the journal ({@link RunJournal}) of a run says, for a JVM that ended without writing its
 * result file: the tests that finished, in the order they did, the containers that failed, and the
 * tests that started and never finished (the one that ended the JVM).
 */
public record PartialRun(List<RunResult.TestResult> finished, List<RunResult.ContainerFailure> containerFailures, List<StartedTest> unfinished) {

  /**
   * A test that started.
   *
   * @param recording the folder it was being recorded into, or null
   * @param recordingProblem why it was not being recorded, or null
   */
  public record StartedTest(String uniqueId, String displayName, String className, String methodName, Path recording, String recordingProblem) {}

  /** True when no test even started: the JVM ended before the tests or during discovery. */
  public boolean noTestStarted() {
    return finished.isEmpty() && unfinished.isEmpty();
  }

  /** Parses one line of a journal as a JSON object (the runner itself has no JSON parser). */
  public interface LineParser {
    Map<String, Object> parse(String line) throws IOException;
  }

  /**
   * A journal's lines, parsed, for {@link #fromJson}: a line that cannot be parsed is an error,
   * but for the last, which the JVM's end may have cut off, and which is then left out.
   */
  public static List<Map<String, Object>> parsedLines(Path journal, LineParser parser) throws IOException {
    List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    List<Map<String, Object>> parsed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        parsed.add(parser.parse(lines.get(i)));
      } catch (IOException e) {
        if (i < lines.size() - 1) {
          throw new IOException("cannot read line " + (i + 1) + " of " + journal + ": " + e.getMessage(), e);
        }
      }
    }
    return parsed;
  }

  /**
   * The run in the journal's lines, each parsed: JSON objects as maps, numbers as {@link Number}s.
   * Lines of events this version does not know are left out.
   *
   * @throws IllegalArgumentException when the first line is not the header of this version
   */
  public static PartialRun fromJson(List<? extends Map<?, ?>> lines) {
    if (lines.isEmpty()) {
      return new PartialRun(List.of(), List.of(), List.of());
    }
    RunResultFile.checkFormatVersion(lines.get(0), "run journal");
    Map<String, StartedTest> running = new LinkedHashMap<>();
    List<RunResult.TestResult> finished = new ArrayList<>();
    List<RunResult.ContainerFailure> containers = new ArrayList<>();
    for (Map<?, ?> line : lines.subList(1, lines.size())) {
      String event = RunResultFile.text(line, RunJournal.EVENT);
      if (RunJournal.STARTED.equals(event)) {
        StartedTest test = startedTest(line);
        running.put(test.uniqueId(), test);
      } else if (RunJournal.FINISHED.equals(event)) {
        RunResult.TestResult test = RunResultFile.testOf(line);
        running.remove(test.uniqueId());
        finished.add(test);
      } else if (RunJournal.CONTAINER_FAILED.equals(event)) {
        containers.add(RunResultFile.containerOf(line));
      }
    }
    return new PartialRun(List.copyOf(finished), List.copyOf(containers), List.copyOf(running.values()));
  }

  private static StartedTest startedTest(Map<?, ?> line) {
    String recording = RunResultFile.text(line, RunResultFile.RECORDING);
    return new StartedTest(
        RunResultFile.text(line, RunResultFile.UNIQUE_ID),
        RunResultFile.text(line, RunResultFile.DISPLAY_NAME),
        RunResultFile.text(line, RunResultFile.CLASS),
        RunResultFile.text(line, RunResultFile.METHOD),
        recording == null ? null : Path.of(recording),
        RunResultFile.text(line, RunResultFile.RECORDING_PROBLEM));
  }
}
