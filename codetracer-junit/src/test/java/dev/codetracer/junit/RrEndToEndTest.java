package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.junit.support.RrMachine;
import dev.codetracer.junit.support.SampleResult;
import dev.codetracer.junit.support.SampleRun;
import dev.codetracer.junit.support.TestJvms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codetracer.backend=rr} for real: the failed tests of a sample suite recorded by rr, each
 * in a JVM of its own, packed, with the test keys, then replayed. It needs a machine where rr can
 * record (hardware performance counters); everywhere else it is skipped with the pre-flight's
 * own message, printed.
 */
class RrEndToEndTest {
  @TempDir Path home;

  @BeforeEach
  void rrCanRecordHere() {
    Optional<String> cause = RrMachine.whyRrCannotRecord();
    if (cause.isPresent()) {
      String reason = "rr cannot record on this machine, the pre-flight says: " + cause.get();
      System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + reason);
      Assumptions.assumeTrue(false, reason);
    }
  }

  @Test
  void failedTestsAreRecordedByRrAndTheRecordingsSayWhetherTheyFailedAgain() throws Exception {
    List<String> versions = TestJvms.junitVersions();
    Path runHome = home.resolve("run");
    SampleResult result =
        SampleRun.of(versions.get(versions.size() - 1), runHome)
            .selectClassName("sample.FlakySample")
            .selectClassName("sample.OneFailureSample")
            .property("codetracer.backend", "rr")
            .property("sample.marker", home.resolve("marker").toString())
            .run();

    assertThat(result.outcomes().values()).as(result.toString()).filteredOn(outcome -> outcome.startsWith("failed")).hasSize(3);
    Map<String, TraceMetadata> byTest = result.metadataByTestId();
    String oneFailure = "[engine:junit-jupiter]/[class:sample.OneFailureSample]/[method:totalOfFour()]";
    assertThat(byTest.keySet()).as(result.toString()).containsExactlyInAnyOrder(SampleIds.FAILS_ALWAYS, SampleIds.FAILS_FIRST_TIME, oneFailure);
    for (Map.Entry<String, TraceMetadata> entry : byTest.entrySet()) {
      TraceMetadata metadata = entry.getValue();
      assertThat(metadata.backend).isEqualTo("rr");
      assertThat(metadata.recordMode).isEqualTo("rerun");
      assertThat(metadata.extra()).containsEntry("recorded_by", "codetracer-junit");
    }
    assertThat(byTest.get(SampleIds.FAILS_ALWAYS).reproduced).isTrue();
    assertThat(byTest.get(SampleIds.FAILS_ALWAYS).testOutcome).isEqualTo("failed");
    assertThat(byTest.get(oneFailure).reproduced).isTrue();
    assertThat(byTest.get(SampleIds.FAILS_FIRST_TIME).reproduced).isFalse();
    assertThat(byTest.get(SampleIds.FAILS_FIRST_TIME).testOutcome).isEqualTo("passed");
    assertThat(byTest.get(SampleIds.FAILS_FIRST_TIME).failureMessage).isEqualTo("first run");

    Path recording = result.recordingOf("OneFailureSample.totalOfFour");
    RecordingFolder folder = RecordingFolder.open(recording);
    assertThat(folder.payload()).isEqualTo(RecordingFolder.Payload.RR);
    Path source = TestJvms.moduleDir().resolve("src/test/java/sample/OneFailureSample.java");
    assertThat(recording.resolve("source" + source)).exists();
    assertThat(FunctionIndexFile.read(recording)).anyMatch(entry -> entry.name().equals("sample.OneFailureSample.totalOfFour"));

    LocalRecordings index = new LocalRecordings(new DataDirectory(runHome.resolve("xdg/codetracer")));
    byTest.values().forEach(metadata -> assertThat(index.findById(metadata.recordingId)).isPresent());
    List<String> lines = result.codetracerLines();
    assertThat(lines).as(result.toString()).hasSize(3).allMatch(line -> line.contains(" by rr "));

    // the recording replays to its end (rr replay -a: no debugger)
    Process replay =
        new ProcessBuilder("rr", "replay", "-a", recording.resolve("rr").toString())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("replay.log").toFile())
            .start();
    assertThat(replay.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(replay.exitValue()).as(java.nio.file.Files.readString(home.resolve("replay.log"))).isIn(0, 1);
  }
}
