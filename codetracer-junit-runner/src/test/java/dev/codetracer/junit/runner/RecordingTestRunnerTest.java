package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner in this JVM, without a recorder: selection, outcomes, the result file and the exit
 * status. (codetracer-junit's tests run it in JVMs of its own, with the recorder.)
 */
class RecordingTestRunnerTest {
  private static final String CART = "[engine:junit-jupiter]/[class:sample.CartSample]";

  @TempDir Path temp;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... selection) {
    List<String> args = new ArrayList<>(List.of(selection));
    args.addAll(List.of("--output", temp.resolve("out").toString(), "--result", temp.resolve("result.json").toString()));
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    return RecordingTestRunner.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), errStream);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private RunResult result() {
    try {
      return RunResultFile.fromJson(new ObjectMapper().readValue(temp.resolve("result.json").toFile(), Map.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, RunResult.TestResult> byMethod() {
    return result().tests().stream().collect(Collectors.toMap(RunResult.TestResult::methodName, Function.identity()));
  }

  private static String testClasses() {
    try {
      return Path.of(RecordingTestRunnerTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyOutcomeAndAFailureOutsideATestAreInTheResultFile() {
    int exit = run("--select-class", "sample.CartSample", "--select-class", "sample.BrokenSetupSample");

    assertThat(exit).as(err()).isEqualTo(RecordingTestRunner.TESTS_FAILED);
    assertThat(err()).contains("no recorder is loaded: start this JVM with -javaagent:codetracer-agent.jar=start=api");
    RunResult result = result();
    assertThat(result.recorder()).isEqualTo("no recorder loaded");
    Map<String, RunResult.TestResult> tests = byMethod();
    assertThat(tests.keySet()).containsExactlyInAnyOrder("adds", "addsSlowly", "fails", "aborts", "skipped", "bulk");
    assertThat(tests.get("adds").outcome()).isEqualTo("passed");
    assertThat(tests.get("adds").recordingProblem()).as("a passed test's recording is not wanted").isNull();
    RunResult.TestResult failed = tests.get("fails");
    assertThat(failed.outcome()).isEqualTo("failed");
    assertThat(failed.uniqueId()).isEqualTo(CART + "/[method:fails()]");
    assertThat(failed.className()).isEqualTo("sample.CartSample");
    assertThat(failed.failureType()).isEqualTo("org.opentest4j.AssertionFailedError");
    assertThat(failed.failureMessage()).isEqualTo("the total ==> expected: <21> but was: <14>");
    assertThat(failed.failureStack()).contains("at sample.CartSample.fails(CartSample.java:");
    assertThat(failed.recording()).isNull();
    assertThat(failed.recordingProblem()).isEqualTo("no recorder is loaded in this JVM");
    assertThat(tests.get("aborts").outcome()).isEqualTo("aborted");
    assertThat(tests.get("skipped").outcome()).isEqualTo("skipped");
    assertThat(tests.get("skipped").skipReason()).isEqualTo("not today");
    assertThat(tests.get("bulk").className()).isEqualTo("sample.CartSample$Discounts");
    assertThat(result.containerFailures()).singleElement().satisfies(container -> {
      assertThat(container.uniqueId()).isEqualTo("[engine:junit-jupiter]/[class:sample.BrokenSetupSample]");
      assertThat(container.outcome()).isEqualTo("failed");
      assertThat(container.failureType()).isEqualTo("java.lang.IllegalStateException");
      assertThat(container.failureMessage()).isEqualTo("no database");
    });
  }

  @Test
  void theJournalHasEveryTestAsTheResultFileHasIt() throws IOException {
    run("--select-class", "sample.CartSample", "--select-class", "sample.BrokenSetupSample");

    ObjectMapper json = new ObjectMapper();
    List<Map<?, ?>> lines = new ArrayList<>();
    for (String line : Files.readAllLines(RunJournal.besides(temp.resolve("result.json")))) {
      lines.add(json.readValue(line, Map.class));
    }
    PartialRun journal = PartialRun.fromJson(lines);
    assertThat(journal.finished()).isEqualTo(result().tests());
    assertThat(journal.containerFailures()).isEqualTo(result().containerFailures());
    assertThat(journal.unfinished()).isEmpty();
    assertThat(lines).filteredOn(line -> "started".equals(line.get("event")))
        .extracting(line -> (Object) line.get("method"))
        .as("every test that ran, not the skipped one")
        .containsExactlyInAnyOrder("adds", "addsSlowly", "fails", "aborts", "bulk");
  }

  @Test
  void surefirePatternsPickTheScannedClassesAndTheirMethods() {
    int exit = run("--select-tests", "CartSample#adds*+bulk, !CartSample#addsSlowly", "--scan", testClasses(), "--unrecorded");

    assertThat(exit).as(err()).isEqualTo(RecordingTestRunner.ALL_PASSED);
    assertThat(byMethod().keySet()).containsExactlyInAnyOrder("adds", "bulk");
    assertThat(err()).as("unrecorded on purpose: no warning").isEmpty();
    assertThat(result().tests()).allMatch(test -> test.recordingProblem() == null);
  }

  @Test
  void surefireIncludesExcludesAndTags() {
    int exit = run("--include", "**/*Sample.java", "--exclude", "**/Broken*", "--scan", testClasses(), "--exclude-tag", "slow", "--unrecorded");

    assertThat(exit).as(err()).isEqualTo(RecordingTestRunner.TESTS_FAILED);
    assertThat(byMethod().keySet()).containsExactlyInAnyOrder("adds", "fails", "aborts", "skipped", "bulk");
    assertThat(result().containerFailures()).isEmpty();

    int tagged = run("--select-class", "sample.CartSample", "--include-tag", "slow", "--unrecorded");
    assertThat(tagged).isEqualTo(RecordingTestRunner.ALL_PASSED);
    assertThat(byMethod().keySet()).containsExactly("addsSlowly");
  }

  @Test
  void uniqueIdsAndPatternsAddUp() {
    int exit =
        run("--select-unique-id", CART + "/[method:fails()]", "--select-tests", "CartSample#adds", "--scan", testClasses(), "--unrecorded");

    assertThat(exit).isEqualTo(RecordingTestRunner.TESTS_FAILED);
    assertThat(byMethod().keySet()).containsExactlyInAnyOrder("adds", "fails");
  }

  @Test
  void exitStatusSaysWhenNothingMatchedOrTheOptionsAreWrong() {
    assertThat(run("--select-tests", "NoSuchTest", "--scan", testClasses())).isEqualTo(RecordingTestRunner.NO_TESTS);
    assertThat(err()).contains("codetracer-junit runner: no test matched the selection");
    assertThat(result().tests()).isEmpty();

    assertThat(run("--select-class", "sample.CartSample", "--keep", "some")).isEqualTo(RecordingTestRunner.USAGE_ERROR);
    assertThat(err()).contains("codetracer-junit runner: --keep must be failed or all, not \"some\"");
  }
}
