package dev.codetracer.junit.runner;

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
 * Records every test of the run on the thread that executes it: the Launcher reports a test's
 * start before its first {@code @BeforeEach} and its end after its last {@code @AfterEach}, on
 * that thread. Keeps the recordings {@code --keep} asks for, and collects the results, writing
 * each to the run's journal as well as it comes.
 */
final class RecordingListener implements TestExecutionListener {
  private final ThreadRecorder recorder;
  private final boolean keepAll;
  private final RunJournal journal;
  private final Map<String, ThreadRecorder.Active> running = new ConcurrentHashMap<>();
  private final Map<String, String> notRecorded = new ConcurrentHashMap<>();
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final List<RunResult.TestResult> tests = new ArrayList<>();
  private final List<RunResult.ContainerFailure> containerFailures = new ArrayList<>();
  private volatile TestPlan plan;

  /** @param recorder null to run the tests without recording them */
  RecordingListener(ThreadRecorder recorder, boolean keepAll, RunJournal journal) {
    this.recorder = recorder;
    this.keepAll = keepAll;
    this.journal = journal;
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
    TestDescription description = TestIdentifiers.describe(test, plan);
    if (recorder != null) {
      startRecording(test, description);
    }
    ThreadRecorder.Active active = running.get(test.getUniqueId());
    journal.started(description, active == null ? null : active.folder(), notRecorded.get(test.getUniqueId()));
  }

  private void startRecording(TestIdentifier test, TestDescription description) {
    try {
      ThreadRecorder.Result result = recorder.start(description, test.getUniqueId());
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
      add(TestIdentifiers.describe(test, plan), TestOutcome.SKIPPED, null, 0, null, null, reason);
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    FailureDescription failure = result.getThrowable().map(FailureDescription::of).orElse(null);
    TestOutcome outcome = outcomeOf(result);
    if (!test.isTest()) {
      if (outcome != TestOutcome.PASSED) {
        addContainer(test, outcome, failure);
      }
      return;
    }
    long durationMs = elapsedMs(test);
    ThreadRecorder.Active active = running.remove(test.getUniqueId());
    String problem = notRecorded.remove(test.getUniqueId());
    Path folder = null;
    if (active != null) {
      try {
        ThreadRecorder.Finished finished = recorder.finish(active, outcome);
        folder = finished.folder();
        if (!finished.kept() && outcome == TestOutcome.FAILED) {
          problem = "codetracer.maxRecordings reached";
        }
      } catch (RuntimeException e) {
        problem = e.getMessage();
      }
    }
    boolean wanted = recorder != null && (outcome == TestOutcome.FAILED || keepAll);
    add(TestIdentifiers.describe(test, plan), outcome, failure, durationMs, folder, folder == null && wanted ? problem : null, null);
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
      TestDescription test,
      TestOutcome outcome,
      FailureDescription failure,
      long durationMs,
      Path folder,
      String problem,
      String skipReason) {
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
            folder,
            problem,
            skipReason);
    synchronized (tests) {
      tests.add(entry);
    }
    journal.finished(entry);
  }

  private void addContainer(TestIdentifier container, TestOutcome outcome, FailureDescription failure) {
    RunResult.ContainerFailure entry =
        new RunResult.ContainerFailure(
            container.getUniqueId(),
            container.getDisplayName(),
            outcome.value(),
            failure == null ? null : failure.type(),
            failure == null ? null : failure.message(),
            failure == null ? null : failure.stack());
    synchronized (containerFailures) {
      containerFailures.add(entry);
    }
    journal.containerFailed(entry);
  }

  RunResult result(String recorderDescription) {
    synchronized (tests) {
      synchronized (containerFailures) {
        return new RunResult(RunResult.FORMAT_VERSION, recorderDescription, List.copyOf(tests), List.copyOf(containerFailures));
      }
    }
  }
}
