package dev.codetracer.junit.runner;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caps of one run: at most {@code codetracer.maxRecordings} (the runner's {@code
 * --max-recordings}) recordings, and for a test that is retried (Surefire's {@code
 * rerunFailingTestsCount}, {@code @RepeatedTest}, retry extensions) only its first failure. One
 * budget per output folder and JVM: Surefire starts each retry as a new launcher execution in the
 * same JVM, so the budget outlives executions.
 */
public final class RecordingBudget {
  private static final Map<Path, RecordingBudget> BY_OUTPUT = new ConcurrentHashMap<>();

  /** What a request for a recording got. */
  public enum Grant {
    GRANTED,
    /** This test failed and was recorded (or is being recorded) before in this run. */
    ALREADY_RECORDED,
    /** {@code codetracer.maxRecordings} recordings were made. */
    CAP_REACHED
  }

  private final int maxRecordings;
  private final Set<String> failedTests = new HashSet<>();
  private int granted;
  private boolean capReported;

  public RecordingBudget(int maxRecordings) {
    this.maxRecordings = maxRecordings;
  }

  public static RecordingBudget forOutput(Path output, int maxRecordings) {
    return BY_OUTPUT.computeIfAbsent(output.toAbsolutePath().normalize(), key -> new RecordingBudget(maxRecordings));
  }

  public int maxRecordings() {
    return maxRecordings;
  }

  /** True when a recording of this test could still be kept (checked before recording starts). */
  public synchronized boolean mayRecord(String testKey) {
    return granted < maxRecordings && !failedTests.contains(testKey);
  }

  /** Asks to keep the recording of a failure of this test. */
  public synchronized Grant claimFailure(String testKey) {
    if (failedTests.contains(testKey)) {
      return Grant.ALREADY_RECORDED;
    }
    if (granted >= maxRecordings) {
      return Grant.CAP_REACHED;
    }
    failedTests.add(testKey);
    granted++;
    return Grant.GRANTED;
  }

  /** Asks to keep the recording of a test that did not fail ({@code codetracer.keep=all}). */
  public synchronized Grant claimPass() {
    if (granted >= maxRecordings) {
      return Grant.CAP_REACHED;
    }
    granted++;
    return Grant.GRANTED;
  }

  /** True the first time only: the cap is reported once per run. */
  public synchronized boolean firstCapReport() {
    boolean first = !capReported;
    capReported = true;
    return first;
  }
}
