package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.junit.support.SampleResult;
import dev.codetracer.junit.support.SampleRun;
import dev.codetracer.junit.support.TestJvms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-detection registers the extension everywhere, but it records unannotated tests only when asked. */
class AutodetectionTest {
  @TempDir Path home;

  private static String oldestJunit() {
    return TestJvms.junitVersions().get(0);
  }

  @Test
  void autodetectionAloneRecordsNothing() {
    SampleResult result =
        SampleRun.of(oldestJunit(), home)
            .selectClassName("sample.UnannotatedSample")
            .withAgent()
            .property("junit.jupiter.extensions.autodetection.enabled", "true")
            .run();

    assertThat(result.outcomes().values()).as(result.toString()).containsExactlyInAnyOrder("passed", "failed: org.opentest4j.AssertionFailedError: expected: <21> but was: <14>");
    assertThat(result.recordings()).isEmpty();
    assertThat(result.codetracerLines()).isEmpty();
  }

  @Test
  void autodetectionWithCodetracerAllRecordsEveryFailingTestOnce() {
    SampleResult result =
        SampleRun.of(oldestJunit(), home)
            .selectClassName("sample.UnannotatedSample")
            .selectClassName("sample.RepeatedSample")
            .withAgent()
            .property("junit.jupiter.extensions.autodetection.enabled", "true")
            .property("codetracer.all", "true")
            .run();

    // RepeatedSample is also annotated: it is recorded once, by one of the two registrations.
    assertThat(result.metadataByTestId().keySet())
        .as(result.toString())
        .containsExactlyInAnyOrder(
            "[engine:junit-jupiter]/[class:sample.UnannotatedSample]/[method:fails()]",
            "[engine:junit-jupiter]/[class:sample.RepeatedSample]/[test-template:alwaysWrong()]/[test-template-invocation:#1]");
    List<String> lines = result.codetracerLines();
    assertThat(lines).hasSize(2);
  }
}
