package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.junit.config.KeepPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerOptionsTest {
  @Test
  void theArgumentsReadBackIntoTheSameOptions() {
    RunnerOptions options =
        new RunnerOptions()
            .selectUniqueId("[engine:junit-jupiter]/[class:a.B]/[method:c(int, java.lang.String)]")
            .selectClass("a.B")
            .selectMethod("a.B#c")
            .selectTests("B*, !Slow*")
            .scan(Path.of("/p/target/test-classes"))
            .output(Path.of("/p/target/codetracer"))
            .result(Path.of("/p/target/result.json"))
            .keep(KeepPolicy.ALL)
            .recordMode("rerun")
            .maxRecordings(4)
            .publish(true, false)
            .configuration("junit.jupiter.execution.parallel.enabled", "false");
    RunnerOptions read = RunnerOptions.parse(options.toArguments());
    assertThat(read.toArguments()).isEqualTo(options.toArguments());
    assertThat(read.uniqueIds()).containsExactly("[engine:junit-jupiter]/[class:a.B]/[method:c(int, java.lang.String)]");
    assertThat(read.keep()).isEqualTo(KeepPolicy.ALL);
    assertThat(read.recordMode()).isEqualTo("rerun");
    assertThat(read.maxRecordings()).isEqualTo(4);
    assertThat(read.publish()).isTrue();
    assertThat(read.export()).isTrue();
    assertThat(read.index()).isFalse();
    assertThat(read.configuration()).containsEntry("junit.jupiter.execution.parallel.enabled", "false");
  }

  @Test
  void wrongCommandLinesSayWhatIsWrong() {
    assertThatThrownBy(() -> RunnerOptions.parse(List.of("--select-class", "a.B", "--result", "r.json")))
        .hasMessage("--output DIR is required");
    assertThatThrownBy(() -> RunnerOptions.parse(List.of("--output", "o", "--result", "r.json")))
        .hasMessageStartingWith("select tests with");
    assertThatThrownBy(() -> RunnerOptions.parse(List.of("--select-method", "a.B", "--output", "o", "--result", "r")))
        .hasMessage("--select-method needs CLASS#METHOD, not \"a.B\"");
    assertThatThrownBy(() -> RunnerOptions.parse(List.of("--frobnicate"))).hasMessage("unknown option \"--frobnicate\" (--help lists them)");
    assertThatThrownBy(() -> RunnerOptions.parse(List.of("--output"))).hasMessage("--output needs a value");
  }
}
