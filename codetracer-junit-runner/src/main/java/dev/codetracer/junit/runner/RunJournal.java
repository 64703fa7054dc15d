package dev.codetracer.junit.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run as it goes, beside the result file ({@link #besides}): a first line with the format
 * version, then one JSON line per test that starts, per test that finishes and per container that
 * fails, each handed to the operating system as it happens. The result file is written only once
 * every test has run; a JVM that a test ends ({@code System.exit}) never gets there, and this
 * journal then still says which tests finished and which one was running ({@link PartialRun}).
 */
public final class RunJournal implements AutoCloseable {
  static final String EVENT = "event";
  static final String STARTED = "started";
  static final String FINISHED = "finished";
  static final String CONTAINER_FAILED = "container_failed";

  private final Path file;
  private final OutputStream out;

  private RunJournal(Path file, OutputStream out) {
    this.file = file;
    this.out = out;
  }

  /** The journal of the run whose result file is {@code resultFile}. */
  public static Path besides(Path resultFile) {
    return resultFile.resolveSibling(resultFile.getFileName() + ".journal");
  }

  /** Starts the journal of a run, replacing the journal of an earlier one. */
  static RunJournal create(Path resultFile, String recorder) {
    Path file = besides(resultFile.toAbsolutePath());
    try {
      Files.createDirectories(file.getParent());
      // unbuffered: each line is one write, which a System.exit right after it does not lose
      OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      RunJournal journal = new RunJournal(file, out);
      Map<String, Object> header = new LinkedHashMap<>();
      header.put(RunResultFile.FORMAT_VERSION, RunResult.FORMAT_VERSION);
      header.put(RunResultFile.RECORDER, recorder);
      journal.append(header);
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run's journal " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param recording the folder the test is being recorded into, or null
   * @param recordingProblem why it is not being recorded, or null
   */
  synchronized void started(TestDescription test, Path recording, String recordingProblem) {
    Map<String, Object> event = event(STARTED);
    event.put(RunResultFile.UNIQUE_ID, test.uniqueId());
    event.put(RunResultFile.DISPLAY_NAME, test.displayName());
    event.put(RunResultFile.CLASS, test.className());
    event.put(RunResultFile.METHOD, test.methodName());
    event.put(RunResultFile.RECORDING, recording == null ? null : recording.toString());
    event.put(RunResultFile.RECORDING_PROBLEM, recordingProblem);
    append(event);
  }

  synchronized void finished(RunResult.TestResult test) {
    Map<String, Object> event = event(FINISHED);
    event.putAll(RunResultFile.toJson(test));
    append(event);
  }

  synchronized void containerFailed(RunResult.ContainerFailure container) {
    Map<String, Object> event = event(CONTAINER_FAILED);
    event.putAll(RunResultFile.toJson(container));
    append(event);
  }

  private static Map<String, Object> event(String name) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put(EVENT, name);
    return event;
  }

  private void append(Map<String, Object> line) {
    try {
      // a map alone is one line: JsonWriter escapes the line breaks inside strings
      out.write(JsonWriter.write(line).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run's journal " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run's journal " + file + ": " + e.getMessage(), e);
    }
  }
}
