package dev.codetracer.junit.runner;

import java.util.Locale;

/** A test's outcome, as {@code test_outcome} in the metadata and {@code outcome} in run results. */
public enum TestOutcome {
  PASSED,
  FAILED,
  ABORTED,
  SKIPPED;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TestOutcome of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
