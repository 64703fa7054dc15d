package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.junit.runner.RecordingTestRunner;
import dev.codetracer.junit.runner.RunResult;
import dev.codetracer.junit.support.RunnerProcess;
import dev.codetracer.junit.support.TestJvms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * codetracer-junit-runner's runner, as rerun mode and the Maven plugin start it: in a JVM of its
 * own with the recorder, on the samples; recordings, result file, exit status.
 */
class RecordingTestRunnerTest {
  @TempDir Path home;

  static List<String> junitVersions() {
    return TestJvms.junitVersions();
  }

  private List<String> args(String... selection) {
    List<String> args = new java.util.ArrayList<>(List.of(selection));
    args.addAll(List.of("--output", home.resolve("out").toString(), "--result", home.resolve("result.json").toString()));
    return args;
  }

  private RunResult result() {
    return RunnerProcess.result(home.resolve("result.json"));
  }

  @ParameterizedTest(name = "JUnit Platform {0}")
  @MethodSource("junitVersions")
  void recordsTheSelectedTestsAndWritesTheirResults(String junit) {
    List<String> args = args("--select-tests", "CartSample#totalOf*", "--scan", TestJvms.moduleDir().resolve("target/test-classes").toString());
    args.addAll(List.of("--keep", "all"));
    RunnerProcess.Ended ended = RunnerProcess.run(home, true, junit, args);

    assertThat(ended.exitCode()).as(ended.output()).isEqualTo(RecordingTestRunner.TESTS_FAILED);
    RunResult result = result();
    Map<String, RunResult.TestResult> byMethod =
        result.tests().stream().collect(Collectors.toMap(RunResult.TestResult::methodName, test -> test));
    assertThat(byMethod.keySet()).containsExactlyInAnyOrder("totalOfOne", "totalOfThree");
    assertThat(byMethod.get("totalOfOne").outcome()).isEqualTo("passed");
    RunResult.TestResult failed = byMethod.get("totalOfThree");
    assertThat(failed.outcome()).isEqualTo("failed");
    assertThat(failed.uniqueId()).isEqualTo(SampleIds.TOTAL_OF_THREE);
    assertThat(failed.failureMessage()).isEqualTo("expected: <21> but was: <14>");
    assertThat(result.recorder()).startsWith("codetracer-agent from ");

    for (RunResult.TestResult test : result.tests()) {
      assertThat(test.recording()).as(ended.output()).isNotNull().startsWith(home.resolve("out"));
      TraceMetadata metadata = RecordingFolder.open(test.recording()).metadata();
      assertThat(metadata.testId).as("the test keys are written by the JVM that started the runner").isNull();
      assertThat(metadata.recordMode).isNull();
    }
    RecordingChecks.tracesFailingAssertionOfTotalOfThree(failed.recording());
    assertThat(ended.output().lines().filter(line -> line.startsWith("codetracer: "))).as("published, and reported, by the caller").isEmpty();
  }

  @Test
  void selectsByUniqueIdEvenADynamicTestAndKeepsOnlyFailuresByDefault() {
    RunnerProcess.Ended ended =
        RunnerProcess.run(home, true, args("--select-unique-id", SampleIds.DYNAMIC_FIVE, "--select-unique-id", SampleIds.TOTALS_2, "--select-method", "sample.CartSample#totalOfOne"));

    assertThat(ended.exitCode()).as(ended.output()).isEqualTo(RecordingTestRunner.TESTS_FAILED);
    RunResult result = result();
    assertThat(result.tests()).extracting(RunResult.TestResult::uniqueId)
        .containsExactlyInAnyOrder(SampleIds.DYNAMIC_FIVE, SampleIds.TOTALS_2, SampleIds.CART + "/[method:totalOfOne()]");
    assertThat(result.tests()).filteredOn(test -> test.outcome().equals("failed")).allMatch(test -> test.recording() != null);
    assertThat(result.tests()).filteredOn(test -> test.outcome().equals("passed")).allMatch(test -> test.recording() == null);
    assertThat(result.tests()).filteredOn(test -> test.uniqueId().equals(SampleIds.DYNAMIC_FIVE))
        .singleElement()
        .satisfies(test -> {
          assertThat(test.className()).isEqualTo("sample.CartSample");
          assertThat(test.methodName()).isEqualTo("dynamicTotals");
          assertThat(test.recording().getFileName().toString()).matches("CartSample\\.dynamicTotals-2-[0-9a-f]{8}");
        });
  }

  @Test
  void withoutTheRecorderTheTestsRunAndTheResultSaysWhyThereIsNoRecording() {
    RunnerProcess.Ended ended = RunnerProcess.run(home, false, args("--select-method", "sample.CartSample#totalOfThree"));

    assertThat(ended.exitCode()).as(ended.output()).isEqualTo(RecordingTestRunner.TESTS_FAILED);
    RunResult.TestResult test = result().tests().get(0);
    assertThat(test.recording()).isNull();
    assertThat(test.recordingProblem()).isEqualTo("no recorder is loaded in this JVM");
    assertThat(ended.output()).contains("no recorder is loaded: start this JVM with -javaagent:codetracer-agent.jar=start=api");
  }

  @Test
  void exitStatusSaysWhenNothingMatchedOrTheOptionsAreWrong() {
    RunnerProcess.Ended none =
        RunnerProcess.run(home, false, args("--select-tests", "NoSuchTest", "--scan", TestJvms.moduleDir().resolve("target/test-classes").toString()));
    assertThat(none.exitCode()).as(none.output()).isEqualTo(RecordingTestRunner.NO_TESTS);
    assertThat(none.output()).contains("no test matched the selection");
    assertThat(result().tests()).isEmpty();

    RunnerProcess.Ended usage = RunnerProcess.run(home, false, List.of("--select-class", "sample.CartSample", "--keep", "some"));
    assertThat(usage.exitCode()).isEqualTo(RecordingTestRunner.USAGE_ERROR);
    assertThat(usage.output().strip()).isEqualTo("codetracer-junit runner: --keep must be failed or all, not \"some\"");
  }
}
