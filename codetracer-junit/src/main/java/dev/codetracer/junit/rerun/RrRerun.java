package dev.codetracer.junit.rerun;

import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.jvm.ClassPathSourceRoots;
import dev.codetracer.core.record.RecorderUnavailableException;
import dev.codetracer.core.recording.TestFacts;
import dev.codetracer.core.rr.RrTestReruns;
import dev.codetracer.junit.config.ConfigurationKeys;
import dev.codetracer.junit.recording.ConsoleReport;
import dev.codetracer.junit.recording.TestRecordingPublisher;
import dev.codetracer.junit.runner.FailureDescription;
import dev.codetracer.junit.runner.RecordingFolderNames;
import dev.codetracer.junit.runner.RunResult;
import dev.codetracer.junit.runner.RunnerOptions;
import dev.codetracer.junit.runner.TestDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Rerun mode with {@code codetracer.backend=rr}: each failed test runs again alone, in a fresh
 * JVM of its own (this JVM's class path, options, environment and working directory, the runner
 * unrecorded) under {@code rr record}, through core's {@link RrTestReruns}, the step the Maven
 * plugin's rr backend takes too. rr's pre-flight runs once first; when rr cannot record here, one
 * line names its cause and no test is run again. Nothing rr or the rerun JVM prints reaches this
 * JVM's streams (Surefire's channel): it goes to a log in the work folder.
 */
public final class RrRerun {
  static final String RR_HOW = "by rr";

  private final Path output;
  private final Path rrExecutable;
  private final Map<String, String> environment;
  private final TestRecordingPublisher publisher;
  private final ConsoleReport report;

  /**
   * @param rrExecutable {@code codetracer.rr}, or null for {@code CODETRACER_RR}, then the PATH
   * @param environment the rerun JVMs' environment (this JVM's)
   */
  public RrRerun(Path output, Path rrExecutable, Map<String, String> environment, TestRecordingPublisher publisher, ConsoleReport report) {
    this.output = output;
    this.rrExecutable = rrExecutable;
    this.environment = environment;
    this.publisher = publisher;
    this.report = report;
  }

  /** Runs the failed tests again under rr; never throws for a test or recording problem. */
  public void run(List<RerunBatch.FailedTest> failed, RunnerJvm runner) throws InterruptedException {
    RrTestReruns reruns =
        new RrTestReruns(
            new UnderRr(runner, output), rrExecutable, ConfigurationKeys.RR, runner.workdir(), environment, runner.timeout(),
            ClassPathSourceRoots.of(runner.workdir(), runner.classPath()), TestRecordingPublisher.RECORDED_BY);
    try {
      reruns.checkUsable();
    } catch (RecorderUnavailableException e) {
      report.noRecordings(tests(failed), ConfigurationKeys.BACKEND + "=rr, but " + e.getMessage());
      return;
    }
    Path work = output.resolve(".rerun-rr-" + String.format("%08x", ThreadLocalRandom.current().nextInt()));
    boolean allRecorded = true;
    int number = 0;
    for (RerunBatch.FailedTest test : failed) {
      number++;
      allRecorded &= record(reruns, test, work.resolve(Integer.toString(number)));
    }
    if (allRecorded) {
      FileTrees.deleteQuietly(work);
    }
  }

  private boolean record(RrTestReruns reruns, RerunBatch.FailedTest failed, Path work) throws InterruptedException {
    TestDescription test = failed.test();
    FailureDescription failure = failed.failure();
    RrTestReruns.Request request =
        new RrTestReruns.Request(
            new TestFacts.Test(test.uniqueId(), test.displayName(), test.className(), test.methodName(), test.parameters()),
            failure == null ? null : new TestFacts.Failure(failure.type(), failure.message(), failure.stack()),
            RecordingFolderNames.newFolder(output, test),
            work);
    RrTestReruns.Result result = reruns.rerun(request, folder -> publisher.publishWithTestKeys(folder).warnings());
    if (!result.recorded()) {
      report.noRecording(test, result.problem());
      return false;
    }
    result.warnings().forEach(warning -> report.warning(test.label() + ": " + warning));
    report.rerunRecorded(test, Boolean.TRUE.equals(result.reproduced()), result.folder(), RR_HOW, ConsoleReport.NotShown.NONE);
    return true;
  }

  private static List<TestDescription> tests(List<RerunBatch.FailedTest> failed) {
    List<TestDescription> tests = new ArrayList<>();
    failed.forEach(test -> tests.add(test.test()));
    return tests;
  }

  /** The runner JVM, unrecorded (rr records it whole), running one test by its unique id. */
  static final class UnderRr implements RrTestReruns.TestJvm {
    private final RunnerJvm runner;
    private final Path output;

    UnderRr(RunnerJvm runner, Path output) {
      this.runner = runner;
      this.output = output;
    }

    @Override
    public Path java() {
      return runner.java();
    }

    @Override
    public List<String> command(String uniqueId, Path resultFile, Path workFolder) throws IOException {
      RunnerOptions options = new RunnerOptions().selectUniqueId(uniqueId).output(output).result(resultFile).unrecorded();
      return runner.command(options).write(workFolder.resolve("runner.args"));
    }

    @Override
    public Optional<RrTestReruns.RecordedRun> outcome(String uniqueId, Path resultFile) throws IOException {
      if (!Files.isRegularFile(resultFile)) {
        return Optional.empty();
      }
      return RunnerJvm.readResult(resultFile).test(uniqueId).map(UnderRr::recordedRun);
    }

    private static RrTestReruns.RecordedRun recordedRun(RunResult.TestResult test) {
      return new RrTestReruns.RecordedRun(test.outcome(), test.failureType());
    }
  }
}
