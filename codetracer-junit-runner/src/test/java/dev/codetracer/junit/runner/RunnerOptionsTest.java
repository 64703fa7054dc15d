package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            .include("**/*Check.java")
            .exclude("**/Ignored*")
            .scan(Path.of("/p/target/test-classes"))
            .includeTag("fast | smoke")
            .excludeTag("slow")
            .output(Path.of("/p/target/codetracer"))
            .result(Path.of("/p/target/result.json"))
            .keep(KeepPolicy.ALL)
            .maxRecordings(4)
            .unrecorded()
            .configuration("junit.jupiter.execution.parallel.enabled", "false");
    RunnerOptions read = RunnerOptions.parse(options.toArguments());
    assertThat(read.toArguments()).isEqualTo(options.toArguments());
    assertThat(read.uniqueIds()).containsExactly("[engine:junit-jupiter]/[class:a.B]/[method:c(int, java.lang.String)]");
    assertThat(read.testPatterns()).isEqualTo("B*, !Slow*");
    assertThat(read.includes()).containsExactly("**/*Check.java");
    assertThat(read.excludes()).containsExactly("**/Ignored*");
    assertThat(read.scanRoots()).containsExactly(Path.of("/p/target/test-classes"));
    assertThat(read.includeTags()).containsExactly("fast | smoke");
    assertThat(read.excludeTags()).containsExactly("slow");
    assertThat(read.keep()).isEqualTo(KeepPolicy.ALL);
    assertThat(read.maxRecordings()).isEqualTo(4);
    assertThat(read.isUnrecorded()).isTrue();
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
    assertThatThrownBy(() -> RunnerOptions.parse(List.of("--select-tests", "CartTest#", "--output", "o", "--result", "r")))
        .hasMessage("the test patterns cannot be read: \"CartTest#\" names no method after '#'");
    assertThatThrownBy(() -> RunnerOptions.parse(List.of("--frobnicate"))).hasMessage("unknown option \"--frobnicate\" (--help lists them)");
    assertThatThrownBy(() -> RunnerOptions.parse(List.of("--output"))).hasMessage("--output needs a value");
  }

  @Test
  void theMainClassIsNamedWithoutLoadingIt() {
    assertThat(RunnerCommand.MAIN_CLASS).isEqualTo(RecordingTestRunner.class.getName());
  }
}
