package dev.codetracer.maven.tests;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The test JVM ended before its runner reported the whole run: a test called {@code System.exit},
 * most likely. The tests that finished are reported from the runner's journal all the same.
 *
 * @param status the JVM's exit status
 * @param running the test that was running, or null when the JVM ended between tests
 * @param lastFinished the last test that finished, or null
 * @param containerFailures the failures outside any test that the journal has (a failing {@code @BeforeAll})
 */
public record EarlyExit(int status, TestResult running, TestResult lastFinished, List<TestResult> containerFailures) {

  public EarlyExit {
    containerFailures = List.copyOf(containerFailures);
  }

  /** True when the runner had started the run and the JVM ended before any test started. */
  public boolean beforeFirstTest() {
    return running == null && lastFinished == null;
  }

  public String message() {
    String exited = "the test JVM exited (exit status " + status + ") ";
    if (beforeFirstTest()) {
      return exited + "after the test run started and before its first test (System.exit in a static initializer or @BeforeAll?), so no test ran"
          + (containerFailures.isEmpty() ? "" : "; before it, " + labels(containerFailures) + " failed outside any test (see the failures above)");
    }
    String rest = ", and the tests after it did not run; the results and recordings of those that ran are above";
    if (running != null) {
      return exited + "while running " + running.label() + " (most likely System.exit)" + rest;
    }
    return exited + "after " + lastFinished.label() + " finished, "
        + "outside any test (most likely System.exit in an @AfterAll, a static initializer or another thread)" + rest;
  }

  private static String labels(List<TestResult> results) {
    return results.stream().map(TestResult::label).collect(Collectors.joining(", "));
  }
}
