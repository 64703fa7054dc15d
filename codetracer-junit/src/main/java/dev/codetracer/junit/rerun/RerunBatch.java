package dev.codetracer.junit.rerun;

import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.record.RecordingPublisher;
import dev.codetracer.junit.config.RecordMode;
import dev.codetracer.junit.recording.ConsoleReport;
import dev.codetracer.junit.recording.TestRecordingPublisher;
import dev.codetracer.junit.runner.FailureDescription;
import dev.codetracer.junit.runner.KeepPolicy;
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
    if (outcome.result() == null) {
      failed.forEach(test -> report.noRecording(test.test(), "the JVM that was to run it again failed: " + outcome.problem()));
      return;
    }
    Map<String, RunResult.TestResult> results = new HashMap<>();
    outcome.result().tests().forEach(result -> results.put(result.uniqueId(), result));
    boolean allRecorded = true;
    for (FailedTest test : failed) {
      allRecorded &= record(test, results.get(test.test().uniqueId()), outcome);
    }
    if (allRecorded) {
      FileTrees.deleteQuietly(work);
    }
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
