package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.junit.support.SampleResult;
import dev.codetracer.junit.support.SampleRun;
import dev.codetracer.junit.support.TestJvms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caps: recordings per run, size per recording (the first failure of a retried test: RetainModeTest). */
class CapsTest {
  @TempDir Path home;

  private static String newestJunit() {
    List<String> versions = TestJvms.junitVersions();
    return versions.get(versions.size() - 1);
  }

  @Test
  void retainKeepsAtMostMaxRecordings() {
    SampleResult result =
        SampleRun.of(newestJunit(), home).selectClassName("sample.ManyFailuresSample").withAgent().property("codetracer.maxRecordings", "2").run();

    assertThat(result.outcomes().values()).as(result.toString()).filteredOn(outcome -> outcome.startsWith("failed")).hasSize(5);
    assertThat(result.recordings()).hasSize(2);
    assertThat(result.codetracerLines()).filteredOn(line -> line.contains("codetracer.maxRecordings")).hasSize(1);
  }

  @Test
  void rerunRecordsAtMostMaxRecordings() {
    SampleResult result =
        SampleRun.of(newestJunit(), home)
            .selectClassName("sample.ManyFailuresSample")
            .env("CODETRACER_AGENT_JAR", TestJvms.agentJar().toString())
            .property("codetracer.maxRecordings", "2")
            .run();

    assertThat(result.outcomes().values()).as(result.toString()).filteredOn(outcome -> outcome.startsWith("failed")).hasSize(5);
    assertThat(result.recordings()).hasSize(2);
    assertThat(result.metadataByTestId().values()).allMatch(metadata -> Boolean.TRUE.equals(metadata.reproduced));
  }

  @Test
  void aRecordingOverMaxSizeIsRemovedWithAWarningAndTheTestStillFails() {
    SampleResult result =
        SampleRun.of(newestJunit(), home).selectClassName("sample.ManyFailuresSample").withAgent().property("codetracer.maxSize", "1k").run();

    assertThat(result.outcomes().values()).as(result.toString()).filteredOn(outcome -> outcome.startsWith("failed")).hasSize(5);
    assertThat(result.recordings()).isEmpty();
    assertThat(result.codetracerLines())
        .hasSize(5)
        .allMatch(line -> line.startsWith("codetracer: warning: no recording of ") && line.contains("over codetracer.maxSize (1 KiB)"));
  }
}
