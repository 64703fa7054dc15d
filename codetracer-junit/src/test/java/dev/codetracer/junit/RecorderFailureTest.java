package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.io.SmallDisk;
import dev.codetracer.junit.support.SampleResult;
import dev.codetracer.junit.support.SampleRun;
import dev.codetracer.junit.support.TestJvms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** When recording fails, every test keeps its own outcome and a warning says why there is no recording. */
class RecorderFailureTest {
  @TempDir Path home;

  static List<String> junitVersions() {
    return TestJvms.junitVersions();
  }

  @ParameterizedTest(name = "JUnit Platform {0}")
  @MethodSource("junitVersions")
  void anUnwritableOutputFolderChangesNoOutcome(String junit) throws IOException {
    Path notAFolder = Files.writeString(Files.createDirectories(home).resolve("output-is-a-file"), "x");
    SampleResult unrecorded =
        SampleRun.of(junit, home.resolve("off")).selectClassName("sample.CartSample").withAgent().property("codetracer.enabled", "false").run();
    SampleResult recorded =
        SampleRun.of(junit, home.resolve("on")).selectClassName("sample.CartSample").withAgent().output(notAFolder).run();

    assertThat(recorded.outcomes()).as(recorded.toString()).isEqualTo(unrecorded.outcomes());
    assertThat(recorded.exitCode()).isEqualTo(unrecorded.exitCode());
    List<String> lines = recorded.codetracerLines();
    assertThat(lines).as(recorded.toString()).hasSize(4);
    assertThat(lines)
        .allMatch(line -> line.startsWith("codetracer: warning: no recording of ") && line.contains("cannot create the output folder"));
  }

  /** A full disk: each failing test keeps its outcome, says why it has no recording, and leaves no half-written folder. */
  @Test
  void aFullDiskChangesNoOutcomeAndLeavesNoHalfWrittenRecording() throws Exception {
    String junit = TestJvms.junitVersions().get(0);
    try (SmallDisk disk = SmallDisk.fullAt(home.resolve("small-disk"))) {
      Path output = Files.createDirectories(home.resolve("small-disk/out"));
      SampleResult unrecorded =
          SampleRun.of(junit, home.resolve("off")).selectClassName("sample.CartSample").withAgent().property("codetracer.enabled", "false").run();
      SampleResult recorded = SampleRun.of(junit, home.resolve("on")).selectClassName("sample.CartSample").withAgent().output(output).run();

      assertThat(recorded.outcomes()).as(recorded.toString()).isEqualTo(unrecorded.outcomes());
      assertThat(recorded.exitCode()).isEqualTo(unrecorded.exitCode());
      assertThat(recorded.codetracerLines())
          .as(recorded.toString())
          .hasSize(4)
          .allMatch(line -> line.startsWith("codetracer: warning: no recording of ") && line.endsWith("No space left on device"));
      try (Stream<Path> left = Files.list(output)) {
        assertThat(left).as("half-written recordings").isEmpty();
      }
    }
  }
}
