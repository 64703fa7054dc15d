package dev.codetracer.junit.runner;

import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.record.ExportFolder;
import dev.codetracer.junit.config.ConfigurationKeys;
import dev.codetracer.junit.recorder.AgentBridge;
import dev.codetracer.junit.recording.ConsoleReport;
import dev.codetracer.junit.recording.RecordingBudget;
import dev.codetracer.junit.recording.RecordingPublisher;
import dev.codetracer.junit.recording.ThreadRecorder;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs selected tests under the JVM recorder and keeps their recordings: the test runner of a JVM
 * started for recording ({@code @RecordOnFailure}'s rerun mode, {@code mvn codetracer:record}).
 *
 * <p>The contract, for whoever starts it:
 *
 * <ul>
 *   <li>Start a JVM with the tests' class path plus this jar, its dependencies and
 *       junit-platform-launcher, the agent loaded with {@code start=api} ({@code
 *       -javaagent:codetracer-agent.jar=start=api[,other agent options]}), the working directory
 *       and system properties the tests expect, and the options in {@link RunnerOptions#USAGE}.
 *   <li>Each selected test is recorded on its own thread from its start to its end as the
 *       Launcher reports them (so {@code @BeforeEach} to {@code @AfterEach} for Jupiter). A
 *       recording kept goes to {@code --output}, in a folder named after the test, with the test
 *       keys of {@code trace_metadata.json} filled; one line per recording is printed.
 *   <li>{@code @RecordOnFailure} is switched off inside this run ({@code codetracer.enabled=false}):
 *       the runner does the recording.
 *   <li>The result file ({@link RunResult}) is written at the end of every run that started
 *       tests, also when no recorder is loaded (then each recording has its {@code
 *       recording_problem}).
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
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(RunnerOptions.USAGE);
      return ALL_PASSED;
    }
    RunnerOptions options;
    try {
      options = RunnerOptions.parse(args);
    } catch (RunnerOptions.UsageException e) {
      err.println(NAME + e.getMessage());
      return USAGE_ERROR;
    }
    try {
      return run(options, out, err);
    } catch (RunnerOptions.UsageException e) {
      err.println(NAME + e.getMessage());
      return USAGE_ERROR;
    } catch (RuntimeException | LinkageError e) {
      err.println(NAME + "the run failed: " + e);
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    }
  }

  static int run(RunnerOptions options, PrintStream out, PrintStream err) {
    LauncherDiscoveryRequest request = request(options);
    Launcher launcher = LauncherFactory.create();
    TestPlan plan = launcher.discover(request);
    AgentBridge agent = AgentBridge.inThisJvm();
    ConsoleReport report = new ConsoleReport(() -> out, () -> err, Path.of(System.getProperty("user.dir")));
    ThreadRecorder recorder =
        new ThreadRecorder(
            agent, new RecordingBudget(options.maxRecordings()), options.output(), options.keep(), options.recordMode());
    RecordingPublisher publisher =
        options.publish()
            ? new RecordingPublisher(
                Long.MAX_VALUE, options.index(), options.export(), ExportFolder.fromEnvironment(), LocalRecordings::fromEnvironment)
            : null;
    RecordingListener listener =
        new RecordingListener(recorder, publisher, report, options.keep() == dev.codetracer.junit.config.KeepPolicy.ALL);
    if (!plan.containsTests()) {
      RunResultFile.write(options.result(), listener.result(agent.toString()));
      err.println(NAME + "no test matched the selection");
      return NO_TESTS;
    }
    if (!agent.isLoaded()) {
      err.println(NAME + "no recorder is loaded: start this JVM with -javaagent:codetracer-agent.jar=start=api; running the tests unrecorded");
    }
    launcher.execute(plan, listener);
    RunResult result = listener.result(agent.toString());
    RunResultFile.write(options.result(), result);
    boolean failed =
        !result.containerFailures().isEmpty()
            || result.tests().stream().anyMatch(test -> test.outcome().equals("failed"));
    return failed ? TESTS_FAILED : ALL_PASSED;
  }

  static LauncherDiscoveryRequest request(RunnerOptions options) {
    List<DiscoverySelector> selectors = new ArrayList<>();
    options.uniqueIds().forEach(id -> selectors.add(DiscoverySelectors.selectUniqueId(id)));
    options.classes().forEach(name -> selectors.add(DiscoverySelectors.selectClass(name)));
    options.methods().forEach(name -> selectors.add(DiscoverySelectors.selectMethod(name)));
    LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
    if (options.testPatterns() != null) {
      TestPatterns patterns = TestPatterns.parse(options.testPatterns());
      List<Path> roots = options.scanRoots().isEmpty() ? classPathFolders() : options.scanRoots();
      selectors.addAll(DiscoverySelectors.selectClasspathRoots(new java.util.HashSet<>(roots)));
      builder.filters(patternFilter(patterns));
    }
    builder.selectors(selectors);
    builder.configurationParameters(options.configuration());
    // The runner records; @RecordOnFailure in the tests must not record (or rerun) as well.
    builder.configurationParameter(ConfigurationKeys.ENABLED, "false");
    return builder.build();
  }

  private static PostDiscoveryFilter patternFilter(TestPatterns patterns) {
    return descriptor -> {
      String className = null;
      String methodName = null;
      if (descriptor.getSource().isPresent() && descriptor.getSource().get() instanceof MethodSource) {
        MethodSource source = (MethodSource) descriptor.getSource().get();
        className = source.getClassName();
        methodName = source.getMethodName();
      } else if (descriptor.getSource().isPresent() && descriptor.getSource().get() instanceof ClassSource) {
        className = ((ClassSource) descriptor.getSource().get()).getClassName();
      }
      if (className == null) {
        return FilterResult.included("no class to match");
      }
      return FilterResult.includedIf(patterns.matches(className, methodName), () -> "matches", () -> "does not match the test patterns");
    };
  }

  private static List<Path> classPathFolders() {
    List<Path> folders = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isDirectory(Path.of(entry))) {
        folders.add(Path.of(entry).toAbsolutePath().normalize());
      }
    }
    return folders;
  }
}
