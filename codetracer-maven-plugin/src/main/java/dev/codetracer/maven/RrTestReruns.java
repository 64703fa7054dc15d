package dev.codetracer.maven;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.ProgressListener;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.record.Recorder;
import dev.codetracer.core.record.Recorders;
import dev.codetracer.core.record.RecordingSession;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.junit.runner.RunnerOptions;
import dev.codetracer.maven.tests.ForkedTestRun;
import dev.codetracer.maven.tests.TestResult;
import dev.codetracer.maven.tests.TestRunResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The rr backend for tests. rr records a whole process, not one test inside it, so the tests run
 * once unrecorded to find the failures, then each test to keep runs again alone (by its JUnit
 * unique id) in a fresh JVM under {@code rr record}, through core's recording session and its rr
 * pre-flight. Whether the failure happened again goes into the metadata ({@code reproduced}).
 */
final class RrTestReruns {
  private final ForkedTestRun fork;
  private final Recorder rr;
  private final Path output;
  private final Path rrExecutable;
  private final Log log;

  RrTestReruns(ForkedTestRun fork, Recorder rr, Path output, Path rrExecutable, Log log) {
    this.fork = fork;
    this.rr = rr;
    this.output = output;
    this.rrExecutable = rrExecutable;
    this.log = log;
  }

  /** rr's pre-flight on the test JVM, before any test runs: fails with rr's own message. */
  void checkUsable(Map<String, String> environment) throws MojoFailureException {
    List<String> javaCommand = List.of(fork.java().toString(), "-version");
    RecordMojo.checkRrUsable(rr, javaCommand, fork.workingDirectory(), output.resolve("rr-preflight"), environment, rrExecutable);
  }

  /**
   * Re-runs and records the failed tests (or all), and returns every result with its recording.
   *
   * @param configuration the JUnit configuration parameters of the first run
   */
  List<TestResult> record(TestRunResults results, boolean all, Map<String, String> configuration, RecordingRegistration registration) {
    List<TestResult> shown = new ArrayList<>();
    int number = 0;
    for (TestResult result : results.all()) {
      boolean wanted = !result.container() && (result.failed() || (all && "passed".equals(result.outcome())));
      if (!wanted) {
        shown.add(result);
        continue;
      }
      number++;
      RunnerOptions options =
          new RunnerOptions()
              .selectUniqueId(result.uniqueId())
              .output(output)
              .result(fork.workFolder().resolve("rerun-" + number + ".json"))
              .unrecorded();
      configuration.forEach(options::configuration);
      shown.add(rerun(result, options, "rerun-" + number + ".args", registration));
    }
    return shown;
  }

  private TestResult rerun(TestResult result, RunnerOptions runner, String argumentFile, RecordingRegistration registration) {
    String name = (result.label().replaceAll("[^A-Za-z0-9._\\[\\]-]", "_")) + "-rr-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
    Path folder = output.resolve(name);
    try {
      List<String> command = fork.command(null, runner, argumentFile);
      RecordingSession session = new RecordingSession(new Recorders(List.of(rr)), LocalRecordings.fromEnvironment(), ProgressListener.NONE);
      RecordingSession.Options options =
          new RecordingSession.Options(rr.name(), folder, null, null, TraceFormat.JSON, rrExecutable, false, null, false);
      session.record(command, fork.workingDirectory(), fork.environment(), options);
      boolean reproduced = TestRunResults.read(runner.result()).map(r -> !r.failures().isEmpty()).orElse(false);
      registration.complete(folder, result, "rerun", result.failed() ? reproduced : null);
      if (result.failed() && !reproduced) {
        log.warn(result.label() + " passed when it ran again under rr: the recording shows a passing run (a flaky test?)");
      }
      return result.withRecording(folder, null);
    } catch (CodeTracerException | IOException e) {
      log.warn("no rr recording of " + result.label() + ": " + e.getMessage());
      return result.withRecording(null, "rr: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return result.withRecording(null, "interrupted");
    }
  }
}
