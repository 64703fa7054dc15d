package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedJitTest {
  private static final String VALUES = "output=/r";

  @TempDir Path workdir;

  private List<String> optionsFor(List<String> jvmOptions) {
    return optionsFor(jvmOptions, Map.of());
  }

  private List<String> optionsFor(List<String> jvmOptions, Map<String, String> environment) {
    return forRecordedJvm(VALUES, jvmOptions, environment);
  }

  private List<String> forRecordedJvm(String agentOptions, List<String> jvmOptions, Map<String, String> environment) {
    return RecordedJit.forGivenOptions(agentOptions, jvmOptions, RecordedJvmOptions.given(jvmOptions, environment, workdir));
  }

  @Test
  void aRecordedJvmCompilesWithC1Alone() {
    assertThat(optionsFor(List.of("-Xmx1g", "-cp", "classes"))).containsExactly("-XX:TieredStopAtLevel=1");
    assertThat(optionsFor(List.of("-XX:+UseG1GC", "-XX:CICompilerCount=2"))).containsExactly(RecordedJit.OPTION);
    assertThat(forRecordedJvm("values=none", List.of(), Map.of())).containsExactly(RecordedJit.OPTION);
  }

  @Test
  void optionsThatChooseHowTheJvmCompilesAreKeptWithTheValueCodesCommandsWhenC2IsAmongItsCompilers() {
    for (String option : List.of("-XX:TieredStopAtLevel=4", "-XX:+TieredCompilation", "-XX:-TieredCompilation",
        "-XX:CompilationMode=high-only", "-Xcomp", "-Xmixed", "-XX:+UseJVMCICompiler")) {
      assertThat(optionsFor(List.of("-Xmx1g", option))).as(option).isEqualTo(ValueCodeInlining.OPTIONS);
    }
    for (String option : List.of("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=3", "-Xint", "-XX:CompilationMode=quick-only")) {
      assertThat(optionsFor(List.of("-Xmx1g", option))).as(option).isEmpty();
    }
    assertThat(forRecordedJvm("values=none", List.of("-XX:TieredStopAtLevel=4"), Map.of()))
        .as("no values recorded: the value code never runs").isEmpty();
  }

  @Test
  void theProgramsOwnCompileCommandsAreNotSilenced() {
    assertThat(optionsFor(List.of("-XX:TieredStopAtLevel=4", "-XX:CompileCommand=exclude,H::main"))).isEmpty();
  }

  @Test
  void theEnvironmentsJvmOptionsCount() {
    assertThat(optionsFor(List.of(), Map.of("JAVA_TOOL_OPTIONS", " -Xint "))).isEmpty();
    assertThat(optionsFor(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xss2m -XX:TieredStopAtLevel=3"))).isEmpty();
    assertThat(optionsFor(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation"))).isEqualTo(ValueCodeInlining.OPTIONS);
    assertThat(optionsFor(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xss2m", "PATH", "-Xint"))).containsExactly(RecordedJit.OPTION);
  }

  @Test
  void theFilesTheOptionsNameCountAsIfTheirOptionsWereGiven() throws Exception {
    Files.writeString(workdir.resolve("c2.txt"), "# keep C2\n-Xmx1g  \"-XX:TieredStopAtLevel=4\"\n");
    Files.writeString(workdir.resolve("vm.options"), "-XX:-TieredCompilation\n");
    assertThat(optionsFor(List.of(), Map.of("JDK_JAVA_OPTIONS", "@c2.txt"))).isEqualTo(ValueCodeInlining.OPTIONS);
    assertThat(optionsFor(List.of("@" + workdir.resolve("c2.txt")))).isEqualTo(ValueCodeInlining.OPTIONS);
    assertThat(optionsFor(List.of("-XX:VMOptionsFile=vm.options"))).isEqualTo(ValueCodeInlining.OPTIONS);
    assertThat(optionsFor(List.of("@missing.txt"))).containsExactly(RecordedJit.OPTION);
  }
}
