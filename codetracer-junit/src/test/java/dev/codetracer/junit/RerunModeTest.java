package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.junit.support.SampleResult;
import dev.codetracer.junit.support.SampleRun;
import dev.codetracer.junit.support.TestJvms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code rerun} mode: no recorder in the test JVM; failed tests run again in a fresh JVM under it. */
class RerunModeTest {
  @TempDir Path home;

  static List<String> junitVersions() {
    return TestJvms.junitVersions();
  }

  private SampleRun rerun(String junit, Path runHome) {
    return SampleRun.of(junit, runHome)
        .selectClassName("sample.CartSample")
        .selectClassName("sample.FlakySample")
        .property("sample.marker", runHome.resolve("marker").toString())
        .env("CODETRACER_AGENT_JAR", TestJvms.agentJar().toString());
  }

  @ParameterizedTest(name = "JUnit Platform {0}")
  @MethodSource("junitVersions")
  void failedTestsAreRecordedAgainAndTheRecordingSaysWhetherTheyFailedAgain(String junit) {
    SampleResult unrecorded = rerun(junit, home.resolve("off")).property("codetracer.enabled", "false").run();
    SampleResult recorded = rerun(junit, home.resolve("on")).run();

    assertThat(recorded.outcomes()).as(recorded.toString()).isEqualTo(unrecorded.outcomes());
    assertThat(recorded.outcomes().values()).filteredOn(outcome -> outcome.startsWith("failed")).hasSize(6);
    assertThat(recorded.exitCode()).isEqualTo(1);

    Map<String, TraceMetadata> byTest = recorded.metadataByTestId();
    assertThat(byTest.keySet())
        .as(recorded.toString())
        .containsExactlyInAnyOrder(
            SampleIds.TOTAL_OF_THREE, SampleIds.TOTALS_2, SampleIds.DYNAMIC_FIVE, SampleIds.BULK_TOTAL,
            SampleIds.FAILS_ALWAYS, SampleIds.FAILS_FIRST_TIME);
    byTest.values().forEach(metadata -> assertThat(metadata.recordMode).isEqualTo("rerun"));

    // deterministic: failed again, with the same failure
    TraceMetadata deterministic = byTest.get(SampleIds.FAILS_ALWAYS);
    assertThat(deterministic.reproduced).isTrue();
    assertThat(deterministic.testOutcome).isEqualTo("failed");
    assertThat(deterministic.failureMessage).isEqualTo("the answer was 42");
    SampleIds.CART_FAILURES.forEach(id -> assertThat(byTest.get(id).reproduced).as(id).isTrue());
    assertThat(byTest.get(SampleIds.TOTALS_2).testParameters).isEqualTo("(2, 4, 8)");

    // flaky: passed when run again; the recording keeps the original failure
    TraceMetadata flaky = byTest.get(SampleIds.FAILS_FIRST_TIME);
    assertThat(flaky.reproduced).isFalse();
    assertThat(flaky.testOutcome).isEqualTo("passed");
    assertThat(flaky.failureType).isEqualTo("org.opentest4j.AssertionFailedError");
    assertThat(flaky.failureMessage).isEqualTo("first run");

    RecordingChecks.holdsFailingAssertionOfTotalOfThree(recorded.recordingOf("CartSample.totalOfThree"));

    List<String> lines = recorded.codetracerLines();
    assertThat(lines).as(recorded.toString()).hasSize(6);
    assertThat(lines).filteredOn(line -> line.contains("where it failed again")).hasSize(5);
    assertThat(lines)
        .filteredOn(line -> line.startsWith("codetracer: FlakySample.failsFirstTime failed, but passed when run again"))
        .hasSize(1);
    assertThat(lines).allMatch(line -> line.contains("(open it: codetracer run "));
    assertThat(recorded.output().resolve(".")).isDirectory();
    assertThat(recorded.output().toFile().list()).allMatch(name -> !name.startsWith(".rerun-"));
  }

  @ParameterizedTest(name = "JUnit Platform {0}")
  @MethodSource("junitVersions")
  void aRerunJvmThatCannotStartChangesNoOutcome(String junit) {
    SampleResult unrecorded = rerun(junit, home.resolve("off")).property("codetracer.enabled", "false").run();
    SampleResult recorded =
        rerun(junit, home.resolve("on")).property("codetracer.rerun.java", home.resolve("no-such-java").toString()).run();

    assertThat(recorded.outcomes()).as(recorded.toString()).isEqualTo(unrecorded.outcomes());
    assertThat(recorded.exitCode()).isEqualTo(unrecorded.exitCode());
    assertThat(recorded.recordings()).isEmpty();
    List<String> lines = recorded.codetracerLines();
    assertThat(lines).as(recorded.toString()).hasSize(6);
    assertThat(lines)
        .allMatch(line -> line.startsWith("codetracer: warning: no recording of ") && line.contains("could not start"));
  }

  @ParameterizedTest(name = "JUnit Platform {0}")
  @MethodSource("junitVersions")
  void aTestThatEndsTheRerunJvmLosesNeitherTheRecordingsBeforeItNorItsOwn(String junit) {
    SampleResult recorded =
        SampleRun.of(junit, home)
            .selectClassName("sample.ExitWhenRunAgainSample")
            .property("codetracer.rerun.jvmArgs", "-Dsample.exitWhenRunAgain=true")
            .env("CODETRACER_AGENT_JAR", TestJvms.agentJar().toString())
            .run();

    assertThat(recorded.outcomes().values()).as(recorded.toString()).hasSize(3).allMatch(outcome -> outcome.startsWith("failed"));
    assertThat(recorded.exitCode()).isEqualTo(1);

    Map<String, TraceMetadata> byTest = recorded.metadataByTestId();
    assertThat(byTest.keySet()).as(recorded.toString()).containsExactlyInAnyOrder(SampleIds.FAILS_BEFORE, SampleIds.EXITS_WHEN_RUN_AGAIN);
    TraceMetadata before = byTest.get(SampleIds.FAILS_BEFORE);
    assertThat(before.recordMode).isEqualTo("rerun");
    assertThat(before.reproduced).isTrue();
    assertThat(before.failureMessage).isEqualTo("expected: <20> but was: <15>");
    TraceMetadata exited = byTest.get(SampleIds.EXITS_WHEN_RUN_AGAIN);
    assertThat(exited.recordMode).isEqualTo("rerun");
    assertThat(exited.testOutcome).isEqualTo("failed");
    assertThat(exited.reproduced).isFalse();
    assertThat(exited.failureMessage).isEqualTo("failed before exiting");
    assertThat(RecordingChecks.valuesAtLine(recorded.recordingOf("ExitWhenRunAgainSample.exitsWhenRunAgain"),
            "ExitWhenRunAgainSample", "System.exit(status)"))
        .containsEntry("status", "3");

    List<String> lines = recorded.codetracerLines();
    assertThat(lines).as(recorded.toString()).hasSize(3);
    assertThat(lines.get(0))
        .startsWith("codetracer: ExitWhenRunAgainSample.failsBefore failed; recorded when run again in a fresh JVM, where it failed again: ");
    assertThat(lines.get(1))
        .startsWith("codetracer: ExitWhenRunAgainSample.exitsWhenRunAgain failed; when run again in a fresh JVM, "
            + "that JVM exited (exit status 3) while it ran (most likely System.exit); recording of that run until the exit: ");
    assertThat(lines.get(2))
        .startsWith("codetracer: warning: no recording of ExitWhenRunAgainSample.failsAfter: the JVM running the failed tests again "
            + "exited (exit status 3) while running ExitWhenRunAgainSample.exitsWhenRunAgain (most likely System.exit), before running it (log: ");
  }
}
