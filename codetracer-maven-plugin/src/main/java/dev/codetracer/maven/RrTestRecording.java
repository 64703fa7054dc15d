package dev.codetracer.maven;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.jvm.ClassPathSourceRoots;
import dev.codetracer.core.rr.RrTestReruns;
import dev.codetracer.junit.runner.RecordingFolderNames;
import dev.codetracer.junit.runner.RunnerOptions;
import dev.codetracer.junit.runner.TestDescription;
import dev.codetracer.maven.tests.ForkedTestRun;
import dev.codetracer.maven.tests.TestResult;
import dev.codetracer.maven.tests.TestRunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The rr backend for tests ({@code -Dcodetracer.backend=rr}). rr records a whole process, not one
 * test inside it, so the tests run once unrecorded to find the failures, then each test to keep
 * runs again alone (by its JUnit unique id) in a fresh JVM under {@code rr record}, through core's
 * {@link RrTestReruns}, the step the JUnit extension's rr backend takes too. What rr and those
 * JVMs print goes to a log per test in the work folder.
 */
final class RrTestRecording {
  static final String PREFLIGHT_FAILED = "cannot record with -Dcodetracer.backend=rr: ";

  private final RrTestReruns reruns;
  private final Path output;
  private final Path workFolder;
  private final Log log;

  /**
   * @param rrExecutable {@code codetracer.rr}, or null for {@code CODETRACER_RR}, then the PATH
   * @param configuration the JUnit configuration parameters of the first run
   * @param sourceRoots where the test classes' sources may be (those that do not exist are left out);
   *     the source folders next to the class path's class directories are searched after them
   */
  RrTestRecording(ForkedTestRun fork, Path output, Path rrExecutable, Map<String, String> configuration, List<String> sourceRoots, Log log) {
    this.output = output;
    this.workFolder = fork.workFolder().resolve("rr-reruns");
    this.log = log;
    List<Path> roots = new ArrayList<>();
    sourceRoots.stream().map(Path::of).filter(Files::isDirectory).forEach(root -> roots.add(root.toAbsolutePath().normalize()));
    // then those of the other modules whose classes are on the test class path
    ClassPathSourceRoots.of(fork.workingDirectory(), fork.classpath()).stream().filter(root -> !roots.contains(root)).forEach(roots::add);
    Duration timeout = fork.timeoutSeconds() > 0 ? Duration.ofSeconds(fork.timeoutSeconds()) : null;
    this.reruns =
        new RrTestReruns(
            new ForkedJvm(fork, output, configuration), rrExecutable, RecordMojo.RR_PROPERTY, fork.workingDirectory(), fork.environment(), timeout, roots,
            RecordingRegistration.RECORDED_BY);
  }

  /** rr's pre-flight on the test JVM, before any test runs: fails with rr's own message. */
  void checkUsable() throws MojoFailureException {
    try {
      reruns.checkUsable();
    } catch (CodeTracerException e) {
      throw new MojoFailureException(PREFLIGHT_FAILED + e.getMessage());
    }
  }

  /** Re-runs and records the failed tests (or all), and returns every result with its recording or why there is none. */
  List<TestResult> record(TestRunResults results, boolean all, RecordingRegistration registration) throws MojoExecutionException {
    FileTrees.deleteQuietly(workFolder); // the logs of an earlier build's reruns
    List<TestResult> shown = new ArrayList<>();
    int number = 0;
    for (TestResult result : results.all()) {
      boolean wanted = !result.container() && (result.failed() || (all && "passed".equals(result.outcome())));
      if (!wanted) {
        shown.add(result);
        continue;
      }
      number++;
      TestDescription test = new TestDescription(result.uniqueId(), result.displayName(), result.className(), result.methodName(), result.parameters());
      RrTestReruns.Request request =
          new RrTestReruns.Request(
              result.metadataTest(),
              result.failed() ? result.metadataFailure() : null,
              RecordingFolderNames.newFolder(output, test),
              workFolder.resolve(Integer.toString(number)));
      try {
        shown.add(shown(result, reruns.rerun(request, folder -> publish(registration, folder))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MojoExecutionException("interrupted while the tests ran again under rr", e);
      }
    }
    return shown;
  }

  private static List<String> publish(RecordingRegistration registration, Path folder) {
    try {
      return registration.publish(folder);
    } catch (CodeTracerException e) {
      throw new CodeTracerException("the recording in " + folder + " is not valid: " + e.getMessage(), e);
    }
  }

  /** The test's row: its recording or why there is none, with a warning when the rerun did not fail as it had. */
  TestResult shown(TestResult result, RrTestReruns.Result rerun) {
    if (!rerun.recorded()) {
      log.warn("no rr recording of " + result.label() + ": " + rerun.problem());
      return result.withRecording(null, "rr: " + rerun.problem());
    }
    rerun.warnings().forEach(warning -> log.warn(result.label() + ": " + warning));
    if (result.failed() && !rerun.run().failed()) {
      log.warn(result.label() + " " + rerun.run().outcome() + " when it ran again under rr: the recording shows that run, not the failure (a flaky test?)");
    } else if (result.failed() && Boolean.FALSE.equals(rerun.reproduced())) {
      log.warn(result.label() + " failed with " + rerun.run().failureType() + " when it ran again under rr, not with " + result.failureType()
          + ": the recording shows that failure");
    }
    return result.withRecording(rerun.folder(), null);
  }

  /** The test JVM of the first run, unrecorded (rr records it whole), running one test by its unique id. */
  static final class ForkedJvm implements RrTestReruns.TestJvm {
    private final ForkedTestRun fork;
    private final Path output;
    private final Map<String, String> configuration;

    ForkedJvm(ForkedTestRun fork, Path output, Map<String, String> configuration) {
      this.fork = fork;
      this.output = output;
      this.configuration = new LinkedHashMap<>(configuration);
    }

    @Override
    public Path java() {
      return fork.java();
    }

    @Override
    public List<String> command(String uniqueId, Path resultFile, Path workFolder) throws IOException {
      RunnerOptions options = new RunnerOptions().selectUniqueId(uniqueId).output(output).result(resultFile).unrecorded();
      configuration.forEach(options::configuration);
      return fork.runner(null, options).write(workFolder.resolve("runner.args"));
    }

    @Override
    public Optional<RrTestReruns.RecordedRun> outcome(String uniqueId, Path resultFile) throws IOException {
      return TestRunResults.read(resultFile)
          .flatMap(run -> run.all().stream().filter(test -> !test.container() && test.uniqueId().equals(uniqueId)).findFirst())
          .map(test -> new RrTestReruns.RecordedRun(test.outcome(), test.failureType()));
    }
  }
}
