package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.junit.runner.RecordingTestRunner;
import dev.codetracer.junit.runner.RunResult;
import dev.codetracer.junit.runner.RunResultFile;
import dev.codetracer.junit.support.RunnerProcess;
import dev.codetracer.junit.support.TestJvms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner the rerun JVM and the Maven plugin start: selection, recordings, result file, exit status. */
class RecordingTestRunnerTest {
  @TempDir Path home;

  private List<String> args(String... selection) {
    List<String> args = new java.util.ArrayList<>(List.of(selection));
    args.addAll(List.of("--output", home.resolve("out").toString(), "--result", home.resolve("result.json").toString()));
    return args;
  }

  @Test
  void recordsTheSelectedTestsAndWritesTheirResults() {
    List<String> args = args("--select-tests", "CartSample#totalOf*", "--scan", TestJvms.moduleDir().resolve("target/test-classes").toString());
    args.addAll(List.of("--keep", "all", "--publish"));
    RunnerProcess.Ended ended = RunnerProcess.run(home, true, args);

    assertThat(ended.exitCode()).as(ended.output()).isEqualTo(RecordingTestRunner.TESTS_FAILED);
    RunResult result = RunResultFile.read(home.resolve("result.json"));
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
      assertThat(test.recording()).as(ended.output()).isNotNull();
      TraceMetadata metadata = RecordingFolder.open(Path.of(test.recording())).metadata();
      assertThat(metadata.testId).isEqualTo(test.uniqueId());
      assertThat(metadata.testOutcome).isEqualTo(test.outcome());
      assertThat(metadata.recordMode).isEqualTo("retain");
      assertThat(new LocalRecordings(new DataDirectory(home.resolve("xdg/codetracer"))).findByFolder(Path.of(test.recording())))
          .as("--publish registers")
          .isPresent();
    }
    RecordingChecks.holdsFailingAssertionOfTotalOfThree(Path.of(failed.recording()));
    assertThat(ended.output().lines().filter(line -> line.startsWith("codetracer: "))).hasSize(2);
  }

  @Test
  void selectsByUniqueIdEvenADynamicTestAndKeepsOnlyFailuresByDefault() {
    RunnerProcess.Ended ended =
        RunnerProcess.run(home, true, args("--select-unique-id", SampleIds.DYNAMIC_FIVE, "--select-unique-id", SampleIds.TOTALS_2, "--select-method", "sample.CartSample#totalOfOne"));

    assertThat(ended.exitCode()).as(ended.output()).isEqualTo(RecordingTestRunner.TESTS_FAILED);
    RunResult result = RunResultFile.read(home.resolve("result.json"));
    assertThat(result.tests()).extracting(RunResult.TestResult::uniqueId)
        .containsExactlyInAnyOrder(SampleIds.DYNAMIC_FIVE, SampleIds.TOTALS_2, SampleIds.CART + "/[method:totalOfOne()]");
    assertThat(result.tests()).filteredOn(test -> test.outcome().equals("failed")).allMatch(test -> test.recording() != null);
    assertThat(result.tests()).filteredOn(test -> test.outcome().equals("passed")).allMatch(test -> test.recording() == null);
  }

  @Test
  void withoutTheRecorderTheTestsRunAndTheResultSaysWhyThereIsNoRecording() {
    RunnerProcess.Ended ended = RunnerProcess.run(home, false, args("--select-method", "sample.CartSample#totalOfThree"));

    assertThat(ended.exitCode()).as(ended.output()).isEqualTo(RecordingTestRunner.TESTS_FAILED);
    RunResult.TestResult test = RunResultFile.read(home.resolve("result.json")).tests().get(0);
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
    assertThat(RunResultFile.read(home.resolve("result.json")).tests()).isEmpty();

    RunnerProcess.Ended usage = RunnerProcess.run(home, false, List.of("--select-class", "sample.CartSample", "--keep", "some"));
    assertThat(usage.exitCode()).isEqualTo(RecordingTestRunner.USAGE_ERROR);
    assertThat(usage.output().strip()).isEqualTo("codetracer-junit runner: --keep must be failed or all, not \"some\"");
  }
}
