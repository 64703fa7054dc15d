package dev.codetracer.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.record.RecordingPublisher;
import dev.codetracer.core.rr.RrTestReruns;
import dev.codetracer.core.testing.StandInRr;
import dev.codetracer.junit.runner.RunResult;
import dev.codetracer.junit.runner.RunResultFile;
import dev.codetracer.maven.tests.ForkedTestRun;
import dev.codetracer.maven.tests.TestResult;
import dev.codetracer.maven.tests.TestRunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's rr backend for tests, on core's {@link RrTestReruns}. What it runs is observed
 * through {@link StandInRr}, which runs no JVM and records nothing: these tests check the command
 * lines and what the summary gets when no recording was made, never that one was. How a finished
 * rerun reaches the summary and the log is checked on core's results directly.
 */
class RrTestRecordingTest {
  private static final String DIVIDES = "[engine:junit-jupiter]/[class:com.acme.CalculatorTest]/[method:divides()]";
  private static final String ADDS = "[engine:junit-jupiter]/[class:com.acme.CalculatorTest]/[method:adds()]";
  private static final String HALVES =
      "[engine:junit-jupiter]/[class:com.acme.CalculatorTest]/[test-template:halves(int)]/[test-template-invocation:#2]";
  private static final String SETUP = "[engine:junit-jupiter]/[class:com.acme.BrokenSetupTest]";

  @TempDir Path tmp;

  private final List<String> warnings = new ArrayList<>();
  private final SystemStreamLog log =
      new SystemStreamLog() {
        @Override
        public void warn(CharSequence content) {
          warnings.add(content.toString());
        }
      };

  private Path java;
  private Path output;
  private ForkedTestRun fork;

  @BeforeEach
  void setUp() throws Exception {
    java = Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath();
    output = tmp.resolve("target/codetracer");
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PATH", System.getenv("PATH"));
    environment.put("HOME", tmp.resolve("home").toString());
    environment.put("XDG_DATA_HOME", tmp.resolve("home/data").toString());
    Files.createDirectories(tmp.resolve("module"));
    fork =
        new ForkedTestRun(
            java, List.of("-Xmx256m"), Map.of("basedir", tmp.resolve("module").toString()), environment, tmp.resolve("module"),
            List.of(tmp.resolve("module/target/test-classes"), tmp.resolve("repo/codetracer-junit-runner.jar")), tmp.resolve("target/codetracer-run"), 0);
  }

  private static TestResult test(String uniqueId, String method, String parameters, String outcome, String failureType) {
    return new TestResult(uniqueId, method + "()", "com.acme.CalculatorTest", method, parameters, outcome, false, failureType,
        failureType == null ? null : "expected: <2> but was: <3>", failureType == null ? null : failureType + ": ...", null, null);
  }

  private static final TestResult DIVIDES_FAILED = test(DIVIDES, "divides", null, "failed", "org.opentest4j.AssertionFailedError");
  private static final TestResult ADDS_PASSED = test(ADDS, "adds", null, "passed", null);
  private static final TestResult HALVES_FAILED = test(HALVES, "halves", "[2] 3", "failed", "org.opentest4j.AssertionFailedError");
  private static final TestResult SETUP_FAILED =
      new TestResult(SETUP, "BrokenSetupTest", null, null, null, "failed", true, "java.lang.IllegalStateException", "no database", "...", null,
          "a failure outside a test (e.g. in @BeforeAll or a constructor) is not recorded");

  private RrTestRecording recording(StandInRr rr) {
    return new RrTestRecording(
        fork, output, rr.executable, Map.of("junit.jupiter.execution.timeout.default", "5 s"),
        List.of(tmp.resolve("module/src/test/java").toString()), log);
  }

  private static RecordingRegistration registration() {
    return new RecordingRegistration(new RecordingPublisher(RecordingPublisher.Registration.NONE, () -> {
      throw new AssertionError("nothing is registered");
    }, false, Optional.empty()), new SystemStreamLog());
  }

  @Test
  void eachFailedTestRunsAloneInTheTestJvmUnrecordedUnderRrRecordInAFolderNamedAsTheJvmRecordersAre() throws Exception {
    StandInRr rr = StandInRr.create(tmp.resolve("bin"), 0);
    TestRunResults results = new TestRunResults(List.of(DIVIDES_FAILED, ADDS_PASSED, HALVES_FAILED, SETUP_FAILED));

    List<TestResult> shown = recording(rr).record(results, false, registration());

    // per failed test: the session's pre-flight (version, probe), then version, record, pack, sources
    List<List<String>> calls = rr.calls();
    assertThat(calls).as(calls.toString()).hasSize(2 * 7);
    Path work = tmp.resolve("target/codetracer-run/rr-reruns");
    List<String> folders = new ArrayList<>();
    for (int number = 1; number <= 2; number++) {
      List<List<String>> own = calls.subList(7 * (number - 1), 7 * number);
      assertThat(own.get(0)).containsExactly("--version");
      assertThat(own.get(1).subList(0, 2)).containsExactly("record", "-o");
      assertThat(own.get(2)).containsExactly("--version");
      List<String> record = own.get(3);
      assertThat(record).hasSize(5);
      assertThat(record.subList(0, 2)).containsExactly("record", "-o");
      Path trace = Path.of(record.get(2));
      assertThat(trace.getFileName()).hasToString("rr");
      assertThat(trace.getParent().getParent()).isEqualTo(output);
      folders.add(trace.getParent().getFileName().toString());
      Path arguments = work.resolve(Integer.toString(number)).resolve("runner.args");
      assertThat(record.subList(3, 5)).containsExactly(java.toString(), "@" + arguments);
      assertThat(own.subList(4, 7)).containsExactly(List.of("pack", trace.toString()), List.of("sources", trace.toString()), List.of("explicit-sources", java.toString()));
    }
    assertThat(folders.get(0)).matches("CalculatorTest\\.divides-[0-9a-f]{8}");
    assertThat(folders.get(1)).matches("CalculatorTest\\.halves-2-[0-9a-f]{8}");

    // what the command would run: exactly that test, in the test JVM with the user's settings, without the JVM recorder
    List<String> divides = Files.readAllLines(work.resolve("1/runner.args"));
    assertThat(divides)
        .containsSubsequence("\"-Xmx256m\"", "\"-Dbasedir=" + tmp.resolve("module") + "\"", "\"-cp\"", "\"dev.codetracer.junit.runner.RecordingTestRunner\"")
        .contains("\"--unrecorded\"", "\"--select-unique-id\"", "\"" + DIVIDES + "\"", "\"junit.jupiter.execution.timeout.default=5 s\"")
        .noneMatch(argument -> argument.contains("-javaagent"))
        .noneMatch(argument -> argument.contains(ADDS));
    assertThat(Files.readAllLines(work.resolve("2/runner.args"))).contains("\"" + HALVES + "\"").doesNotContain("\"" + DIVIDES + "\"");

    // the stand-in ran no JVM: no recording, and the summary and the log say why
    assertThat(output.toFile().list()).isEmpty();
    assertThat(shown).extracting(TestResult::uniqueId).containsExactly(DIVIDES, ADDS, HALVES, SETUP);
    String noRun = "the JVM run under rr did not run it (rr's and its output: ";
    assertThat(shown.get(0).recording()).isNull();
    assertThat(shown.get(0).recordingProblem()).isEqualTo("rr: " + noRun + work.resolve("1/rr.log") + ")");
    assertThat(shown.get(1)).isEqualTo(ADDS_PASSED);
    assertThat(shown.get(2).recordingProblem()).isEqualTo("rr: " + noRun + work.resolve("2/rr.log") + ")");
    assertThat(shown.get(3)).isEqualTo(SETUP_FAILED);
    assertThat(warnings)
        .containsExactly(
            "no rr recording of CalculatorTest.divides: " + noRun + work.resolve("1/rr.log") + ")",
            "no rr recording of CalculatorTest.halves [2] 3: " + noRun + work.resolve("2/rr.log") + ")");
  }

  @Test
  void keepAllRunsThePassingTestsAgainToo() throws Exception {
    StandInRr rr = StandInRr.create(tmp.resolve("bin"), 0);
    TestResult skipped = test("[engine:junit-jupiter]/[class:com.acme.CalculatorTest]/[method:later()]", "later", null, "skipped", null);

    recording(rr).record(new TestRunResults(List.of(ADDS_PASSED, skipped)), true, registration());

    List<List<String>> records = rr.calls().stream().filter(call -> call.size() == 5 && call.get(0).equals("record")).toList();
    assertThat(records).hasSize(1);
    assertThat(Path.of(records.get(0).get(2)).getParent().getFileName().toString()).matches("CalculatorTest\\.adds-[0-9a-f]{8}");
    assertThat(Files.readAllLines(tmp.resolve("target/codetracer-run/rr-reruns/1/runner.args"))).contains("\"" + ADDS + "\"");
  }

  @Test
  void thePreflightFailsWithRrsOwnMessageAndRunsNoTest() throws Exception {
    StandInRr rr = StandInRr.create(tmp.resolve("bin"), 1);

    assertThatThrownBy(() -> recording(rr).checkUsable())
        .isInstanceOf(MojoFailureException.class)
        .message()
        .startsWith("cannot record with -Dcodetracer.backend=rr: rr at " + rr.executable + " (given with -Dcodetracer.rr) cannot record on this machine: exit status 1");
    assertThat(rr.calls()).hasSize(2).noneMatch(call -> call.contains(java.toString()));
  }

  @Test
  void theRerunsOutcomeIsReadFromItsResultFile() throws Exception {
    RrTestRecording.ForkedJvm jvm = new RrTestRecording.ForkedJvm(fork, output, Map.of());
    Path result = tmp.resolve("result.json");
    assertThat(jvm.outcome(DIVIDES, result)).as("no result file").isEmpty();

    RunResultFile.write(result, new RunResult(RunResult.FORMAT_VERSION, "no recorder loaded", List.of(
        new RunResult.TestResult(DIVIDES, "divides()", "com.acme.CalculatorTest", "divides", "failed", "java.lang.ArithmeticException", "/ by zero", "...",
            12, null, null, null)), List.of()));

    assertThat(jvm.outcome(DIVIDES, result)).contains(new RrTestReruns.RecordedRun("failed", "java.lang.ArithmeticException"));
    assertThat(jvm.outcome(ADDS, result)).as("it ran another test").isEmpty();
  }

  private static RrTestReruns.Result rerun(Path folder, String outcome, String failureType, Boolean reproduced, List<String> warnings, String problem) {
    RrTestReruns.Request request =
        new RrTestReruns.Request(DIVIDES_FAILED.metadataTest(), DIVIDES_FAILED.metadataFailure(), Path.of("unused"), Path.of("unused-work"));
    return new RrTestReruns.Result(request, folder, outcome == null ? null : new RrTestReruns.RecordedRun(outcome, failureType), reproduced, warnings, problem);
  }

  @Test
  void aRerunsRecordingGoesIntoTheSummaryAndAFailureThatDidNotHappenAgainIsAWarning() throws Exception {
    RrTestRecording recording = recording(StandInRr.create(tmp.resolve("bin"), 0));
    Path folder = output.resolve("CalculatorTest.divides-0000abcd");

    TestResult reproduced = recording.shown(DIVIDES_FAILED, rerun(folder, "failed", "org.opentest4j.AssertionFailedError", true, List.of(), null));
    assertThat(reproduced.recording()).isEqualTo(folder);
    assertThat(reproduced.recordingProblem()).isNull();
    assertThat(warnings).isEmpty();

    TestResult flaky = recording.shown(DIVIDES_FAILED, rerun(folder, "passed", null, false, List.of("not exported: disk full"), null));
    assertThat(flaky.recording()).isEqualTo(folder);
    assertThat(warnings)
        .containsExactly(
            "CalculatorTest.divides: not exported: disk full",
            "CalculatorTest.divides passed when it ran again under rr: the recording shows that run, not the failure (a flaky test?)");

    warnings.clear();
    recording.shown(DIVIDES_FAILED, rerun(folder, "failed", "java.lang.IllegalStateException", false, List.of(), null));
    assertThat(warnings)
        .containsExactly(
            "CalculatorTest.divides failed with java.lang.IllegalStateException when it ran again under rr, not with"
                + " org.opentest4j.AssertionFailedError: the recording shows that failure");

    warnings.clear();
    TestResult kept = recording.shown(ADDS_PASSED, rerun(folder, "passed", null, null, List.of(), null));
    assertThat(kept.recording()).isEqualTo(folder);
    assertThat(warnings).as("a passing test kept with keep=all").isEmpty();

    TestResult none = recording.shown(DIVIDES_FAILED, rerun(null, null, null, null, List.of(), "the recording in /x is not valid: no trace"));
    assertThat(none.recording()).isNull();
    assertThat(none.recordingProblem()).isEqualTo("rr: the recording in /x is not valid: no trace");
    assertThat(warnings).containsExactly("no rr recording of CalculatorTest.divides: the recording in /x is not valid: no trace");
  }
}
