package dev.codetracer.maven.fork;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Records each test while it runs, on the thread that runs it (JUnit calls these methods there):
 * from {@code executionStarted}, before the first {@code @BeforeEach}, to {@code
 * executionFinished}, after the last {@code @AfterEach}. A passed test's recording is dropped at
 * once unless every recording is kept. Collects every test's outcome for the results file.
 */
final class RecordingListener implements TestExecutionListener {
  private final RecorderControl recorder;
  private final Path output;
  private final ForkPlan.Keep keep;
  private final List<Map<String, Object>> results = new ArrayList<>();
  private final Map<String, Running> running = new ConcurrentHashMap<>();

  private static final class Running {
    final long startNanos = System.nanoTime();
    boolean recording;
    String problem;
  }

  RecordingListener(RecorderControl recorder, Path output, ForkPlan.Keep keep) {
    this.recorder = recorder;
    this.output = output;
    this.keep = keep;
  }

  List<Map<String, Object>> results() {
    synchronized (results) {
      return new ArrayList<>(results);
    }
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    if (!test.isTest()) {
      return;
    }
    Running run = new Running();
    running.put(test.getUniqueId(), run);
    if (keep == ForkPlan.Keep.NONE) {
      return;
    }
    if (recorder == null) {
      run.problem = "the JVM recorder was not loaded in the test JVM";
      return;
    }
    MethodSource method = methodSource(test);
    String folderName =
        RecordingFolderName.of(
            method == null ? className(test) : method.getClassName(),
            method == null ? null : method.getMethodName(),
            test.getUniqueId());
    try {
      run.recording = recorder.start(label(test), output.resolve(folderName));
      if (!run.recording) {
        run.problem = "another recording was running on this JVM (is @RecordOnFailure recording this test too?)";
      }
    } catch (RuntimeException e) {
      run.problem = "the recorder could not start: " + e;
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (!test.isTest()) {
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        Map<String, Object> entry = entry(test, result, null);
        entry.put(ResultKeys.CONTAINER, true);
        entry.put(ResultKeys.RECORDING_PROBLEM, "a failure outside a test (e.g. in @BeforeAll or a constructor) is not recorded");
        add(entry);
      }
      return;
    }
    Running run = running.remove(test.getUniqueId());
    Path kept = null;
    String problem = run == null ? null : run.problem;
    boolean failed = result.getStatus() == TestExecutionResult.Status.FAILED;
    if (run != null && run.recording) {
      boolean keepIt = keep == ForkPlan.Keep.ALL || failed;
      try {
        kept = recorder.stop(keepIt);
        if (keepIt && kept == null) {
          problem = "the recorder kept no recording (see its message above)";
        }
      } catch (RuntimeException e) {
        problem = "the recording could not be finished: " + e;
      }
    }
    Map<String, Object> entry = entry(test, result, kept);
    if (run != null) {
      entry.put(ResultKeys.DURATION_MS, (System.nanoTime() - run.startNanos) / 1_000_000);
    }
    if (kept == null && problem != null && (failed || keep == ForkPlan.Keep.ALL)) {
      entry.put(ResultKeys.RECORDING_PROBLEM, problem);
    }
    add(entry);
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    if (test.isTest()) {
      Map<String, Object> entry = base(test);
      entry.put(ResultKeys.OUTCOME, "skipped");
      entry.put(ResultKeys.FAILURE_MESSAGE, reason);
      add(entry);
    }
  }

  private void add(Map<String, Object> entry) {
    synchronized (results) {
      results.add(entry);
    }
  }

  private static Map<String, Object> entry(TestIdentifier test, TestExecutionResult result, Path recording) {
    Map<String, Object> entry = base(test);
    entry.put(ResultKeys.OUTCOME, outcome(result.getStatus()));
    result.getThrowable().ifPresent(failure -> {
      entry.put(ResultKeys.FAILURE_TYPE, failure.getClass().getName());
      entry.put(ResultKeys.FAILURE_MESSAGE, failure.getMessage());
      StringWriter stack = new StringWriter();
      failure.printStackTrace(new PrintWriter(stack));
      entry.put(ResultKeys.FAILURE_STACK, stack.toString());
    });
    if (recording != null) {
      entry.put(ResultKeys.RECORDING, recording.toAbsolutePath().toString());
    }
    return entry;
  }

  private static Map<String, Object> base(TestIdentifier test) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(ResultKeys.UNIQUE_ID, test.getUniqueId());
    entry.put(ResultKeys.DISPLAY_NAME, test.getDisplayName());
    MethodSource method = methodSource(test);
    entry.put(ResultKeys.CLASS_NAME, method == null ? className(test) : method.getClassName());
    if (method != null) {
      entry.put(ResultKeys.METHOD_NAME, method.getMethodName());
      if (test.getUniqueId().contains("-invocation:#")) {
        entry.put(ResultKeys.PARAMETERS, test.getDisplayName());
      }
    }
    return entry;
  }

  private static String outcome(TestExecutionResult.Status status) {
    switch (status) {
      case SUCCESSFUL:
        return "passed";
      case ABORTED:
        return "aborted";
      default:
        return "failed";
    }
  }

  private static MethodSource methodSource(TestIdentifier test) {
    TestSource source = test.getSource().orElse(null);
    return source instanceof MethodSource ? (MethodSource) source : null;
  }

  private static String className(TestIdentifier test) {
    TestSource source = test.getSource().orElse(null);
    return source instanceof ClassSource ? ((ClassSource) source).getClassName() : null;
  }

  private static String label(TestIdentifier test) {
    MethodSource method = methodSource(test);
    if (method == null) {
      return test.getDisplayName();
    }
    String simpleClass = method.getClassName().substring(method.getClassName().lastIndexOf('.') + 1);
    return simpleClass + "." + method.getMethodName() + " " + test.getDisplayName();
  }
}
