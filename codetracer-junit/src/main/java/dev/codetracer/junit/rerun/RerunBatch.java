package dev.codetracer.junit.rerun;

import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.record.RecordingPublisher;
import dev.codetracer.junit.config.RecordMode;
import dev.codetracer.junit.recording.ConsoleReport;
import dev.codetracer.junit.recording.TestRecordingPublisher;
import dev.codetracer.junit.runner.FailureDescription;
import dev.codetracer.junit.runner.KeepPolicy;
import dev.codetracer.junit.runner.PartialRun;
import dev.codetracer.junit.runner.RunResult;
import dev.codetracer.junit.runner.RunnerOptions;
import dev.codetracer.junit.runner.TestDescription;
import dev.codetracer.junit.runner.TestOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The failed tests of a run that are to be recorded again: at the end of the run, all of them
 * run, each selected by its unique id, in one fresh JVM under the JVM recorder (or, with {@code
 * codetracer.backend=rr}, each in a fresh JVM of its own under rr: {@link RrRerun}). Each
 * recording then gets the original failure, whether it reproduced, and is published. A test
 * whose rerun cannot be recorded gets a one-line warning; its own failure is untouched.
 */
public final class RerunBatch {
  /** A test that failed, as it failed. */
  public record FailedTest(TestDescription test, FailureDescription failure) {}

  private final List<FailedTest> tests = new ArrayList<>();
  private final Path output;
  private final Supplier<RunnerJvm> jvm;
  private final TestRecordingPublisher publisher;
  private final ConsoleReport report;
  private final RrRerun rr;

  /** @param jvm makes the JVM description; may throw when something it needs is missing */
  public RerunBatch(Path output, Supplier<RunnerJvm> jvm, TestRecordingPublisher publisher, ConsoleReport report) {
    this(output, jvm, publisher, report, null);
  }

  /** @param rr runs the tests again under rr instead, or null for the JVM recorder */
  public RerunBatch(Path output, Supplier<RunnerJvm> jvm, TestRecordingPublisher publisher, ConsoleReport report, RrRerun rr) {
    this.output = output;
    this.jvm = jvm;
    this.publisher = publisher;
    this.report = report;
    this.rr = rr;
  }

  public synchronized void add(TestDescription test, FailureDescription failure) {
    tests.add(new FailedTest(test, failure));
  }

  public synchronized List<FailedTest> tests() {
    return List.copyOf(tests);
  }

  /** Reruns and records the failed tests; never throws for a test or recording problem. */
  public void run() throws InterruptedException {
    List<FailedTest> failed = tests();
    if (failed.isEmpty()) {
      return;
    }
    RunnerJvm runner;
    try {
      runner = jvm.get();
    } catch (RuntimeException e) {
      failed.forEach(test -> report.noRecording(test.test(), "cannot run it again under the recorder: " + e.getMessage()));
      return;
    }
    if (rr != null) {
      rr.run(failed, runner);
      return;
    }
    Path work = output.resolve(".rerun-" + String.format("%08x", ThreadLocalRandom.current().nextInt()));
    RunnerOptions options = new RunnerOptions().output(output).result(work.resolve("result.json")).keep(KeepPolicy.ALL);
    failed.forEach(test -> options.selectUniqueId(test.test().uniqueId()));
    RunnerJvm.Outcome outcome = runner.run(options, work);
    if (outcome.result() == null && outcome.partial() == null) {
      failed.forEach(test -> report.noRecording(test.test(), "the JVM that was to run it again failed: " + outcome.problem()));
      return;
    }
    boolean allRecorded =
        outcome.result() != null
            ? recordAll(failed, outcome.result().tests(), outcome)
            : recordUntilExit(failed, new RerunExit(outcome.exitCode(), outcome.partial()), outcome);
    if (allRecorded) {
      FileTrees.deleteQuietly(work);
    }
  }

  private boolean recordAll(List<FailedTest> failed, List<RunResult.TestResult> reruns, RunnerJvm.Outcome outcome) {
    Map<String, RunResult.TestResult> results = byUniqueId(reruns);
    boolean allRecorded = true;
    for (FailedTest test : failed) {
      allRecorded &= record(test, results.get(test.test().uniqueId()), outcome);
    }
    return allRecorded;
  }

  /**
   * The rerun JVM ended during the run: the tests its journal has as finished are recorded as
   * usual, the one that was running with what the recorder kept as the JVM exited; the others
   * share one line.
   */
  private boolean recordUntilExit(List<FailedTest> failed, RerunExit exit, RunnerJvm.Outcome outcome) {
    Map<String, RunResult.TestResult> finished = byUniqueId(exit.run().finished());
    List<TestDescription> notRun = new ArrayList<>();
    for (FailedTest test : failed) {
      String uniqueId = test.test().uniqueId();
      Optional<PartialRun.StartedTest> running = exit.running(uniqueId);
      if (finished.containsKey(uniqueId)) {
        record(test, finished.get(uniqueId), outcome);
      } else if (running.isPresent()) {
        recordExited(test, exit, running.get(), outcome);
      } else {
        notRun.add(test.test());
      }
    }
    if (!notRun.isEmpty()) {
      report.noRecordings(notRun, exit.notRunAgain(notRun.size()) + " (log: " + outcome.log() + ")");
    }
    return false; // the work folder keeps the log of the JVM's end
  }

  private void recordExited(FailedTest failed, RerunExit exit, PartialRun.StartedTest running, RunnerJvm.Outcome outcome) {
    TestDescription test = failed.test();
    Optional<Path> kept = RerunExit.recordingOf(running);
    if (kept.isEmpty()) {
      report.noRecording(test, exit.noRecordingOfRunning(running) + " (log: " + outcome.log() + ")");
      return;
    }
    Path folder = kept.get();
    try {
      RecordingPublisher.Published published =
          publisher.publish(folder, test, TestOutcome.FAILED, failed.failure(), RecordMode.RERUN.metadataValue(), false);
      published.warnings().forEach(warning -> report.warning(test.label() + ": " + warning));
      report.rerunExited(test, exit.status(), folder, ConsoleReport.NotShown.of(published.recording().metadata()));
    } catch (RuntimeException e) {
      report.noRecording(test, e.getMessage());
    }
  }

  private static Map<String, RunResult.TestResult> byUniqueId(List<RunResult.TestResult> tests) {
    Map<String, RunResult.TestResult> byId = new HashMap<>();
    tests.forEach(test -> byId.put(test.uniqueId(), test));
    return byId;
  }

  private boolean record(FailedTest failed, RunResult.TestResult rerun, RunnerJvm.Outcome outcome) {
    TestDescription test = failed.test();
    if (rerun == null) {
      report.noRecording(test, "running it again by its unique id ran nothing (log: " + outcome.log() + ")");
      return false;
    }
    if (rerun.recording() == null) {
      report.noRecording(test, "its rerun was not recorded: " + rerun.recordingProblem() + " (log: " + outcome.log() + ")");
      return false;
    }
    Path folder = rerun.recording();
    boolean reproduced = rerun.failed() && Objects.equals(rerun.failureType(), failed.failure().type());
    try {
      RecordingPublisher.Published published =
          publisher.publish(folder, test, TestOutcome.of(rerun.outcome()), failed.failure(), RecordMode.RERUN.metadataValue(), reproduced);
      published.warnings().forEach(warning -> report.warning(test.label() + ": " + warning));
      report.rerunRecorded(test, reproduced, folder, ConsoleReport.NotShown.of(published.recording().metadata()));
      return true;
    } catch (RuntimeException e) {
      report.noRecording(test, e.getMessage());
      return false;
    }
  }
}
