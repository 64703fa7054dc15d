package dev.codetracer.junit;

import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.jvm.RecordedJvmOptions;
import dev.codetracer.core.jvm.RecordedStacks;
import dev.codetracer.core.record.ExportFolder;
import dev.codetracer.core.record.RecordingPublisher;
import dev.codetracer.junit.config.Backend;
import dev.codetracer.junit.config.RecordMode;
import dev.codetracer.junit.config.Settings;
import dev.codetracer.junit.recording.ConsoleReport;
import dev.codetracer.junit.recording.TestRecordingPublisher;
import dev.codetracer.junit.rerun.AgentJarLocator;
import dev.codetracer.junit.rerun.InheritedJvmOptions;
import dev.codetracer.junit.rerun.RerunAgentOptions;
import dev.codetracer.junit.rerun.RerunBatch;
import dev.codetracer.junit.rerun.RrRerun;
import dev.codetracer.junit.rerun.RunnerJvm;
import dev.codetracer.junit.rerun.TestClassPath;
import dev.codetracer.junit.runner.AgentBridge;
import dev.codetracer.junit.runner.FailureDescription;
import dev.codetracer.junit.runner.RecordingBudget;
import dev.codetracer.junit.runner.TestDescription;
import dev.codetracer.junit.runner.TestOutcome;
import dev.codetracer.junit.runner.ThreadRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * The extension's state for one execution of the test plan (kept in the root context's store):
 * the settings, the recorder, the caps, and the failed tests waiting to be run again. Closing it
 * at the end of the execution runs them.
 */
final class ExtensionRun implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  private final Settings settings;
  private final AgentBridge agent;
  private final ThreadRecorder recorder;
  private final RecordingBudget budget;
  private final TestRecordingPublisher publisher;
  private final ConsoleReport report;
  private final RerunBatch rerun;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private ExtensionRun(Settings settings, AgentBridge agent, ConsoleReport report) {
    this.settings = settings;
    this.agent = agent;
    this.report = report;
    this.budget = RecordingBudget.forOutput(settings.output(), settings.maxRecordings());
    this.recorder = new ThreadRecorder(agent, budget, settings.output(), settings.keep());
    this.publisher =
        new TestRecordingPublisher(
            settings.maxSizeBytes(),
            new RecordingPublisher(
                settings.index() ? RecordingPublisher.Registration.LATER : RecordingPublisher.Registration.NONE,
                LocalRecordings::fromEnvironment,
                settings.export(),
                ExportFolder.fromEnvironment()));
    RrRerun rr =
        settings.backend() == Backend.RR
            ? new RrRerun(settings.output(), settings.rr(), System.getenv(), publisher, report)
            : null;
    this.rerun = new RerunBatch(settings.output(), this::runnerJvm, publisher, report, rr);
  }

  static ExtensionRun create(ExtensionContext context) {
    ConsoleReport report = ConsoleReport.standard();
    List<String> problems = new ArrayList<>();
    Settings settings =
        Settings.read(context::getConfigurationParameter, Path.of(System.getProperty("user.dir")), problems::add);
    ExtensionRun run = new ExtensionRun(settings, AgentBridge.inThisJvm(), report);
    problems.forEach(problem -> run.warnOnce(problem));
    return run;
  }

  Settings settings() {
    return settings;
  }

  /** Before the first {@code @BeforeEach}: in retain mode, start recording this thread. */
  ThreadRecorder.Result testStarting(TestDescription test, String budgetKey) {
    if (settings.mode() == RecordMode.RERUN) {
      return null;
    }
    if (!recorder.recorderLoaded()) {
      if (settings.mode() == RecordMode.RETAIN) {
        warnOnce(
            "codetracer.mode=retain, but no recorder is loaded in this JVM (add -javaagent:codetracer-agent.jar=start=api); "
                + "failing tests are not recorded");
      }
      return null;
    }
    return recorder.start(test, budgetKey);
  }

  /** After the last {@code @AfterEach}: keep or drop the recording, or ask for a rerun. */
  void testFinished(TestDescription test, String budgetKey, ThreadRecorder.Result started, Throwable failure) {
    TestOutcome outcome = outcomeOf(failure);
    FailureDescription failureDescription = outcome == TestOutcome.PASSED ? null : FailureDescription.of(failure);
    if (started != null && started.active() != null) {
      finishRecording(started.active(), test, outcome, failureDescription);
      return;
    }
    if (outcome != TestOutcome.FAILED) {
      return;
    }
    if (started != null) {
      ThreadRecorder.NotStarted why = started.notStarted();
      if (why.capReached()) {
        claim(test, budgetKey); // reports the cap, once
        return;
      }
      if (settings.mode() == RecordMode.RETAIN || !why.busy()) {
        report.noRecording(test, why.reason());
        return;
      }
    } else if (settings.mode() == RecordMode.RETAIN) {
      return; // no recorder loaded: said once at the start
    }
    // No recorder in this JVM, or it was busy (tests in parallel), or rerun mode: run it again at the end.
    if (claim(test, budgetKey)) {
      rerun.add(test, failureDescription);
    }
  }

  private void finishRecording(
      ThreadRecorder.Active active, TestDescription test, TestOutcome outcome, FailureDescription failure) {
    ThreadRecorder.Finished finished;
    try {
      finished = recorder.finish(active, outcome);
    } catch (RuntimeException e) {
      if (outcome == TestOutcome.FAILED) {
        report.noRecording(test, e.getMessage());
      } else {
        report.warning("recording of " + test.label() + " failed: " + e.getMessage());
      }
      return;
    }
    if (!finished.kept()) {
      if (finished.grant() == RecordingBudget.Grant.CAP_REACHED) {
        reportCap(test);
      }
      return;
    }
    agent.withoutInstrumenting(() -> publish(finished.folder(), test, outcome, failure));
  }

  private void publish(Path folder, TestDescription test, TestOutcome outcome, FailureDescription failure) {
    try {
      RecordingPublisher.Published published =
          publisher.publish(folder, test, outcome, failure, RecordMode.RETAIN.metadataValue(), null);
      published.warnings().forEach(warning -> report.warning(test.label() + ": " + warning));
      report.recorded(test, outcome == TestOutcome.FAILED, folder, ConsoleReport.NotShown.of(published.recording().metadata()));
    } catch (RuntimeException e) {
      report.noRecording(test, e.getMessage());
    }
  }

  private boolean claim(TestDescription test, String budgetKey) {
    RecordingBudget.Grant grant = budget.claimFailure(budgetKey);
    if (grant == RecordingBudget.Grant.CAP_REACHED) {
      reportCap(test);
    }
    return grant == RecordingBudget.Grant.GRANTED;
  }

  private void reportCap(TestDescription test) {
    if (budget.firstCapReport()) {
      report.noRecording(
          test,
          budget.maxRecordings() + " recordings were made in this run (codetracer.maxRecordings); later failures are not recorded");
    }
  }

  private static TestOutcome outcomeOf(Throwable failure) {
    if (failure == null) {
      return TestOutcome.PASSED;
    }
    return failure instanceof TestAbortedException ? TestOutcome.ABORTED : TestOutcome.FAILED;
  }

  /**
   * The stack size option a rerun JVM adds to the options it inherits: none when this JVM has the
   * recorder, since its stacks are then sized for recording already (by {@code prepare-agent}, or
   * by hand as the README says) and a rerun must not multiply them again.
   */
  static List<String> stackOptions(List<String> inheritedOptions, boolean recorderLoaded) {
    return recorderLoaded ? List.of() : List.of(RecordedStacks.option(inheritedOptions));
  }

  private RunnerJvm runnerJvm() {
    List<String> jvmOptions = new ArrayList<>(InheritedJvmOptions.ofThisJvm());
    jvmOptions.addAll(settings.rerunJvmArgs());
    Path java = settings.java() != null ? settings.java() : RunnerJvm.currentJava();
    Path workdir = Path.of(System.getProperty("user.dir"));
    if (settings.backend() == Backend.RR) {
      // rr records the whole JVM: no JVM recorder in it
      return new RunnerJvm(java, jvmOptions, null, null, TestClassPath.ofThisJvm(), workdir, settings.rerunTimeout());
    }
    String agentOptions = RerunAgentOptions.of(settings.agentOptions(), settings.maxSizeBytes());
    jvmOptions.addAll(stackOptions(jvmOptions, recorder.recorderLoaded()));
    jvmOptions.addAll(RecordedJvmOptions.forRecordedJvm(agentOptions, jvmOptions, System.getenv(), workdir));
    return new RunnerJvm(
        java,
        jvmOptions,
        AgentJarLocator.forThisJvm(settings.agentJar()).locate(),
        agentOptions,
        TestClassPath.ofThisJvm(),
        workdir,
        settings.rerunTimeout());
  }

  void warnOnce(String warning) {
    if (warned.add(warning)) {
      report.warning(warning);
    }
  }

  /** The end of the execution: run the failed tests again under the recorder. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      rerun.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      rerun.tests().forEach(test -> report.noRecording(test.test(), "interrupted before it could be run again"));
    } catch (RuntimeException | LinkageError e) {
      rerun.tests().forEach(test -> report.noRecording(test.test(), "running it again failed: " + e));
    }
  }
}
