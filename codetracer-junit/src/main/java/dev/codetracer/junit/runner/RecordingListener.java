package dev.codetracer.junit.runner;

import dev.codetracer.junit.recording.ConsoleReport;
import dev.codetracer.junit.recording.FailureDescription;
import dev.codetracer.junit.recording.RecordingPublisher;
import dev.codetracer.junit.recording.TestDescription;
import dev.codetracer.junit.recording.TestOutcome;
import dev.codetracer.junit.recording.ThreadRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records every test of the run on the thread that executes it (the Launcher reports a test's
 * start and end on that thread), keeps the recordings {@code --keep} asks for, and collects the
 * results for the result file.
 */
final class RecordingListener implements TestExecutionListener {
  private final ThreadRecorder recorder;
  private final RecordingPublisher publisher;
  private final ConsoleReport report;
  private final boolean keepAll;
  private final Map<String, ThreadRecorder.Active> running = new ConcurrentHashMap<>();
  private final Map<String, String> notRecorded = new ConcurrentHashMap<>();
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final List<RunResult.TestResult> tests = new ArrayList<>();
  private final List<RunResult.ContainerFailure> containerFailures = new ArrayList<>();
  private volatile TestPlan plan;

  /** @param publisher null to leave the recordings as they are */
  RecordingListener(ThreadRecorder recorder, RecordingPublisher publisher, ConsoleReport report, boolean keepAll) {
    this.recorder = recorder;
    this.keepAll = keepAll;
    this.publisher = publisher;
    this.report = report;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    if (!test.isTest()) {
      return;
    }
    started.put(test.getUniqueId(), System.nanoTime());
    try {
      ThreadRecorder.Result result = recorder.start(TestIdentifiers.describe(test, plan), test.getUniqueId());
      if (result.active() != null) {
        running.put(test.getUniqueId(), result.active());
      } else {
        notRecorded.put(test.getUniqueId(), result.notStarted().reason());
      }
    } catch (RuntimeException e) {
      notRecorded.put(test.getUniqueId(), "the recorder could not start: " + e.getMessage());
    }
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    if (test.isTest()) {
      TestDescription described = TestIdentifiers.describe(test, plan);
      add(described, TestOutcome.SKIPPED, null, 0, null, null);
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    FailureDescription failure = result.getThrowable().map(FailureDescription::of).orElse(null);
    if (!test.isTest()) {
      if (result.getStatus() == TestExecutionResult.Status.FAILED && failure != null) {
        synchronized (containerFailures) {
          containerFailures.add(
              new RunResult.ContainerFailure(
                  test.getUniqueId(), test.getDisplayName(), failure.type(), failure.message(), failure.stack()));
        }
      }
      return;
    }
    TestOutcome outcome = outcomeOf(result);
    long durationMs = elapsedMs(test);
    ThreadRecorder.Active active = running.remove(test.getUniqueId());
    String problem = notRecorded.remove(test.getUniqueId());
    Path folder = null;
    if (active != null) {
      try {
        ThreadRecorder.Finished finished = recorder.finish(active, active.test(), outcome, failure);
        folder = finished.folder();
        if (finished.kept() && publisher != null) {
          RecordingPublisher.Published published = publisher.publish(folder);
          published.warnings().forEach(warning -> report.warning(active.test().label() + ": " + warning));
        }
        if (finished.kept()) {
          report.recorded(active.test(), outcome == TestOutcome.FAILED, folder);
        } else if (outcome == TestOutcome.FAILED) {
          problem = "codetracer.maxRecordings reached";
        }
      } catch (RuntimeException e) {
        folder = null;
        problem = e.getMessage();
      }
    }
    boolean wanted = outcome == TestOutcome.FAILED || keepAll;
    add(TestIdentifiers.describe(test, plan), outcome, failure, durationMs, folder, folder == null && wanted ? problem : null);
  }

  private long elapsedMs(TestIdentifier test) {
    Long start = started.remove(test.getUniqueId());
    return start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
  }

  private static TestOutcome outcomeOf(TestExecutionResult result) {
    switch (result.getStatus()) {
      case SUCCESSFUL:
        return TestOutcome.PASSED;
      case ABORTED:
        return TestOutcome.ABORTED;
      default:
        return TestOutcome.FAILED;
    }
  }

  private void add(
      TestDescription test, TestOutcome outcome, FailureDescription failure, long durationMs, Path folder, String problem) {
    RunResult.TestResult entry =
        new RunResult.TestResult(
            test.uniqueId(),
            test.displayName(),
            test.className(),
            test.methodName(),
            outcome.value(),
            failure == null ? null : failure.type(),
            failure == null ? null : failure.message(),
            failure == null ? null : failure.stack(),
            durationMs,
            folder == null ? null : folder.toString(),
            problem);
    synchronized (tests) {
      tests.add(entry);
    }
  }

  RunResult result(String recorderDescription) {
    synchronized (tests) {
      synchronized (containerFailures) {
        return new RunResult(RunResult.FORMAT_VERSION, recorderDescription, List.copyOf(tests), List.copyOf(containerFailures));
      }
    }
  }
}
