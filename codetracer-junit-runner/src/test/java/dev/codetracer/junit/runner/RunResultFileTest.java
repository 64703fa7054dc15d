package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultFileTest {
  @TempDir Path temp;

  @Test
  void whatTheRunnerWritesByHandAJsonParserReadsBackUnchanged() throws Exception {
    String tricky = "quote \" backslash \\ newline \n tab \t return \r bell \u0007 unicode ✓ €";
    RunResult written =
        new RunResult(
            RunResult.FORMAT_VERSION,
            "codetracer-agent from (file:/a b/agent.jar <no signer certificates>)",
            List.of(
                new RunResult.TestResult(
                    "[engine:junit-jupiter]/[class:a.B]/[method:c(int, java.lang.String)]", "c(int, String) " + tricky, "a.B$Nested", "c",
                    "failed", "org.opentest4j.AssertionFailedError", tricky, "at a.B.c(B.java:3)\n\tat x", 12_345_678_901L,
                    temp.resolve("out/B.c-1f0c9a2e"), null, null),
                new RunResult.TestResult("[engine:x]/[test:y]", "y", null, null, "skipped", null, null, null, 0, null, "because " + tricky, "off")),
            List.of(new RunResult.ContainerFailure("[engine:x]/[class:Z]", "Z", "aborted", "org.opentest4j.TestAbortedException", null, "at Z")));
    Path file = temp.resolve("run/result.json");

    RunResultFile.write(file, written);

    RunResult read = RunResultFile.fromJson(new ObjectMapper().readValue(file.toFile(), Map.class));
    assertThat(read).isEqualTo(written);
    assertThat(Files.readString(file)).startsWith("{\"format_version\":1,").doesNotContain("\"method\":null");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aFileOfAnotherFormatIsRefused() {
    assertThatThrownBy(() -> RunResultFile.fromJson(Map.of("format_version", 2, "tests", List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a result file of format_version 1 (format_version: 2)");
  }
}
