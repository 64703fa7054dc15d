package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.junit.support.SampleResult;
import dev.codetracer.junit.support.SampleRun;
import dev.codetracer.junit.support.TestJvms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code retain} mode: the recorder is loaded in the test JVM, each test is recorded as it runs. */
class RetainModeTest {
  @TempDir Path home;

  static List<String> junitVersions() {
    return TestJvms.junitVersions();
  }

  @ParameterizedTest(name = "JUnit Platform {0}")
  @MethodSource("junitVersions")
  void onlyFailingTestsLeaveRecordingsAndEveryOutcomeStaysItsOwn(String junit) {
    SampleResult unrecorded =
        SampleRun.of(junit, home.resolve("off")).selectClassName("sample.CartSample").withAgent().property("codetracer.enabled", "false").run();
    SampleResult recorded = SampleRun.of(junit, home.resolve("on")).selectClassName("sample.CartSample").withAgent().run();

    assertThat(unrecorded.recordings()).isEmpty();
    assertThat(recorded.outcomes()).as(recorded.toString()).isEqualTo(unrecorded.outcomes());
    assertThat(recorded.outcomes().values()).filteredOn(outcome -> outcome.startsWith("failed")).hasSize(4);
    assertThat(recorded.exitCode()).isEqualTo(unrecorded.exitCode()).isEqualTo(1);

    Map<String, TraceMetadata> byTest = recorded.metadataByTestId();
    assertThat(byTest.keySet()).as(recorded.toString()).containsExactlyInAnyOrderElementsOf(SampleIds.CART_FAILURES);
    byTest.values().forEach(metadata -> {
      assertThat(metadata.recordMode).isEqualTo("retain");
      assertThat(metadata.testOutcome).isEqualTo("failed");
      assertThat(metadata.reproduced).isNull();
      assertThat(metadata.failureType).isEqualTo("org.opentest4j.AssertionFailedError");
      assertThat(metadata.testClass).startsWith("sample.CartSample");
    });
    TraceMetadata parameterized = byTest.get(SampleIds.TOTALS_2);
    assertThat(parameterized.testMethod).isEqualTo("totals");
    assertThat(parameterized.testParameters).isEqualTo("(2, 4, 8)");
    assertThat(parameterized.failureMessage).isEqualTo("expected: <8> but was: <6>");
    assertThat(byTest.get(SampleIds.DYNAMIC_FIVE).testName).isEqualTo("five");
    assertThat(byTest.get(SampleIds.DYNAMIC_FIVE).testMethod).isEqualTo("dynamicTotals");
    assertThat(byTest.get(SampleIds.BULK_TOTAL).testClass).isEqualTo("sample.CartSample$Discounts");

    RecordingChecks.holdsFailingAssertionOfTotalOfThree(recorded.recordingOf("CartSample.totalOfThree"));

    // One line per recording: which test, where, and the command that opens it.
    List<String> lines = recorded.codetracerLines();
    assertThat(lines).as(recorded.toString()).hasSize(4);
    for (Path folder : recorded.recordings()) {
      assertThat(lines).filteredOn(line -> line.contains(folder + " (open it: codetracer run " + folder + ")")).hasSize(1);
    }
    assertThat(lines).anyMatch(line -> line.startsWith("codetracer: CartSample.totals(2, 4, 8) failed; recording: "));

    // Registered in the (temporary) local index.
    LocalRecordings index = new LocalRecordings(new DataDirectory(recorded.dataDirectoryOrDefault(home.resolve("on"))));
    for (Path folder : recorded.recordings()) {
      assertThat(index.findByFolder(folder)).as("index row of %s", folder).isPresent();
    }
  }

  @ParameterizedTest(name = "JUnit Platform {0}")
  @MethodSource("junitVersions")
  void aRetriedTestIsRecordedAtItsFirstFailureOnly(String junit) {
    SampleResult result = SampleRun.of(junit, home).selectClassName("sample.RepeatedSample").withAgent().run();

    assertThat(result.outcomes().values()).as(result.toString()).hasSize(3).allMatch(outcome -> outcome.startsWith("failed"));
    assertThat(result.recordings()).hasSize(1);
    assertThat(result.metadataByTestId().keySet())
        .containsExactly("[engine:junit-jupiter]/[class:sample.RepeatedSample]/[test-template:alwaysWrong()]/[test-template-invocation:#1]");
    assertThat(result.metadataByTestId().values()).singleElement()
        .satisfies(metadata -> assertThat(metadata.testParameters).isEqualTo("(repetition 1 of 3)"));
  }

  @ParameterizedTest(name = "JUnit Platform {0}")
  @MethodSource("junitVersions")
  void theLineOfARecordingNamesTheThreadsItDoesNotShow(String junit) {
    SampleResult result = SampleRun.of(junit, home).selectClassName("sample.OtherThreadSample").withAgent().run();

    assertThat(result.recordings()).as(result.toString()).hasSize(1);
    assertThat(result.codetracerLines())
        .singleElement()
        .asString()
        .startsWith("codetracer: OtherThreadSample.totalInTime failed; recording: ")
        .endsWith("; it does not show what ran meanwhile on thread junit-timeout-thread-1");
  }

  @ParameterizedTest(name = "JUnit Platform {0}")
  @MethodSource("junitVersions")
  void theLineOfARecordingWithoutStepsSaysSo(String junit) {
    // the test's own classes left out of the recording
    SampleResult result = SampleRun.of(junit, home).selectClassName("sample.RepeatedSample").withAgent("excludes=sample.*").run();

    assertThat(result.recordings()).as(result.toString()).hasSize(1);
    assertThat(result.metadataByTestId().values()).singleElement().satisfies(metadata -> assertThat(metadata.steps).isZero());
    assertThat(result.codetracerLines())
        .singleElement()
        .asString()
        .startsWith("codetracer: RepeatedSample.alwaysWrong(repetition 1 of 3) failed")
        .endsWith("; it holds no steps: no recorded code ran on the test's thread");
  }
}
