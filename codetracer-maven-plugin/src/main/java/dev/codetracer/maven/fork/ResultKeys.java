package dev.codetracer.maven.fork;

/** The keys of one test's entry in the results file; both sides of the fork use them. */
public final class ResultKeys {
  public static final String UNIQUE_ID = "unique_id";
  public static final String DISPLAY_NAME = "display_name";
  public static final String CLASS_NAME = "class";
  public static final String METHOD_NAME = "method";
  public static final String PARAMETERS = "parameters";
  /** {@code passed}, {@code failed}, {@code aborted}, {@code skipped}. */
  public static final String OUTCOME = "outcome";
  /** True for a failure of a class or container (e.g. in {@code @BeforeAll}), not of one test. */
  public static final String CONTAINER = "container";
  public static final String FAILURE_TYPE = "failure_type";
  public static final String FAILURE_MESSAGE = "failure_message";
  public static final String FAILURE_STACK = "failure_stack";
  public static final String DURATION_MS = "duration_ms";
  /** The kept recording's folder (absolute), absent when none was kept. */
  public static final String RECORDING = "recording";
  /** Why a test that should have a recording has none. */
  public static final String RECORDING_PROBLEM = "recording_problem";

  private ResultKeys() {}
}
