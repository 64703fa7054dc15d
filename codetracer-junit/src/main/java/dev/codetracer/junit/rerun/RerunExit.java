package dev.codetracer.junit.rerun;

import dev.codetracer.junit.runner.PartialRun;
import dev.codetracer.junit.runner.RunResult;
import dev.codetracer.junit.runner.TestDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The rerun JVM ended before its runner wrote the result file (a test called {@code System.exit},
 * most likely); its journal says which tests finished and which one was running.
 *
 * @param status the JVM's exit status
 */
record RerunExit(int status, PartialRun run) {

  /** The test that was running when the JVM exited, when it is this one. */
  Optional<PartialRun.StartedTest> running(String uniqueId) {
    return run.unfinished().stream().filter(test -> test.uniqueId().equals(uniqueId)).findFirst();
  }

  /** The recording the recorder kept of the running test as the JVM exited, if it kept one. */
  static Optional<Path> recordingOf(PartialRun.StartedTest running) {
    return Optional.ofNullable(running.recording()).filter(Files::isDirectory);
  }

  /** Why the running test has no recording. */
  String noRecordingOfRunning(PartialRun.StartedTest running) {
    return "the JVM running it again exited (exit status " + status + ") while it ran (most likely System.exit), and "
        + (running.recording() == null ? "it was not being recorded: " + running.recordingProblem() : "the recorder kept nothing as the JVM exited");
  }

  /** Why the tests after the exit were not run again ({@code count} of them). */
  String notRunAgain(int count) {
    String exited = "the JVM running the failed tests again exited (exit status " + status + ") ";
    String before = count == 1 ? " before running it" : " before running them";
    if (run.noTestStarted()) {
      return exited + "before its first test (System.exit in a static initializer or @BeforeAll?)," + before;
    }
    if (!run.unfinished().isEmpty()) {
      return exited + "while running " + label(run.unfinished().get(0)) + " (most likely System.exit)," + before;
    }
    RunResult.TestResult last = run.finished().get(run.finished().size() - 1);
    return exited + "after " + label(last) + " finished, outside any test"
        + " (most likely System.exit in an @AfterAll, a static initializer or another thread)," + before;
  }

  private static String label(PartialRun.StartedTest test) {
    return new TestDescription(test.uniqueId(), test.displayName(), test.className(), test.methodName(), null).shortName();
  }

  private static String label(RunResult.TestResult test) {
    return new TestDescription(test.uniqueId(), test.displayName(), test.className(), test.methodName(), null).shortName();
  }
}
