package dev.codetracer.junit.runner;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs selected tests under the JVM recorder and keeps their recordings: the main class of a JVM
 * started for recording tests ({@code @RecordOnFailure}'s rerun mode, {@code mvn
 * codetracer:record}). Its contract is in this module's README.
 *
 * <ul>
 *   <li>Start a JVM with the tests' class path plus this jar and junit-platform-launcher, the
 *       agent loaded with {@code start=api} ({@code -javaagent:codetracer-agent.jar=start=api[,other
 *       agent options]}), the working directory and system properties the tests expect, and the
 *       options in {@link RunnerOptions#USAGE}.
 *   <li>Each selected test is recorded on its own thread from its start to its end as the
 *       Launcher reports them (so {@code @BeforeEach} to {@code @AfterEach} for Jupiter). A
 *       recording kept goes to {@code --output}, in a folder named after the test. What the
 *       recording says about its test (metadata), and registering and exporting it, is the job of
 *       the JVM that started this one.
 *   <li>The result file ({@link RunResultFile}) is written at the end of every run that
 *       discovered tests, also when no recorder is loaded (then each recording has its {@code
 *       recording_problem}). Its journal ({@link RunJournal}) has each test as it starts and
 *       ends, for a JVM that a test ends before then.
 *   <li>Exit status: {@value #ALL_PASSED} every test passed, {@value #TESTS_FAILED} some failed,
 *       {@value #USAGE_ERROR} bad options, {@value #NO_TESTS} no test matched the selection,
 *       {@value #INTERNAL_ERROR} the run itself failed.
 * </ul>
 */
public final class RecordingTestRunner {
  public static final int ALL_PASSED = 0;
  public static final int TESTS_FAILED = 1;
  public static final int USAGE_ERROR = 2;
  public static final int NO_TESTS = 3;
  public static final int INTERNAL_ERROR = 4;

  private static final String NAME = "codetracer-junit runner: ";

  private RecordingTestRunner() {}

  public static void main(String[] args) {
    int status = run(Arrays.asList(args), System.out, System.err);
    System.out.flush();
    System.err.flush();
    // As Surefire's booter: threads a test left running must not keep the JVM alive.
    System.exit(status);
  }

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(RunnerOptions.USAGE);
      return ALL_PASSED;
    }
    try {
      return run(RunnerOptions.parse(args), err);
    } catch (RunnerOptions.UsageException e) {
      err.println(NAME + e.getMessage());
      return USAGE_ERROR;
    } catch (RuntimeException | LinkageError e) {
      err.println(NAME + "the run failed: " + e);
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    }
  }

  private static int run(RunnerOptions options, PrintStream err) {
    Launcher launcher = LauncherFactory.create();
    TestPlan plan = launcher.discover(TestDiscovery.request(options));
    AgentBridge agent = options.isUnrecorded() ? AgentBridge.none() : AgentBridge.inThisJvm();
    ThreadRecorder recorder =
        options.isUnrecorded()
            ? null
            : new ThreadRecorder(agent, new RecordingBudget(options.maxRecordings()), options.output(), options.keep());
    try (RunJournal journal = RunJournal.create(options.result(), agent.toString())) {
      RecordingListener listener = new RecordingListener(recorder, options.keep() == KeepPolicy.ALL, journal);
      if (!plan.containsTests()) {
        RunResultFile.write(options.result(), listener.result(agent.toString()));
        err.println(NAME + "no test matched the selection");
        return NO_TESTS;
      }
      if (recorder != null && !agent.isLoaded()) {
        err.println(NAME + "no recorder is loaded: start this JVM with -javaagent:codetracer-agent.jar=start=api; running the tests unrecorded");
      }
      launcher.execute(plan, listener);
      RunResult result = listener.result(agent.toString());
      RunResultFile.write(options.result(), result);
      return result.anyFailed() ? TESTS_FAILED : ALL_PASSED;
    }
  }
}
