package dev.codetracer.maven.tests;

/**
 * The test JVM ended before its runner reported the whole run: a test called {@code System.exit},
 * most likely. The tests that finished are reported from the runner's journal all the same.
 *
 * @param status the JVM's exit status
 * @param running the test that was running, or null when the JVM ended between tests
 * @param lastFinished the last test that finished, or null
 */
public record EarlyExit(int status, TestResult running, TestResult lastFinished) {

  public String message() {
    String exited = "the test JVM exited (exit status " + status + ") ";
    String rest = ", and the tests after it did not run; the results and recordings of those that ran are above";
    if (running != null) {
      return exited + "while running " + running.label() + " (most likely System.exit)" + rest;
    }
    String after = lastFinished == null ? "" : "after " + lastFinished.label() + " finished, ";
    return exited + after + "outside any test (most likely System.exit in an @AfterAll, a static initializer or another thread)" + rest;
  }
}
