package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedJitTest {
  @Test
  void aRecordedJvmCompilesWithC1Alone() {
    assertThat(RecordedJit.forJvmOptions(List.of("-Xmx1g", "-cp", "classes"))).containsExactly("-XX:TieredStopAtLevel=1");
    assertThat(RecordedJit.forJvmOptions(List.of())).containsExactly(RecordedJit.OPTION);
  }

  @Test
  void optionsThatChooseHowTheJvmCompilesAreKept() {
    for (String option : List.of("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=1", "-XX:+TieredCompilation",
        "-XX:-TieredCompilation", "-XX:CompilationMode=high-only", "-Xint", "-Xcomp", "-Xmixed")) {
      assertThat(RecordedJit.forJvmOptions(List.of("-Xmx1g", option))).as(option).isEmpty();
    }
    assertThat(RecordedJit.forJvmOptions(List.of("-XX:+UseG1GC", "-XX:CICompilerCount=2"))).containsExactly(RecordedJit.OPTION);
  }

  @Test
  void theEnvironmentsJvmOptionsCount() {
    assertThat(RecordedJit.forJvmOptions(List.of(), Map.of("JAVA_TOOL_OPTIONS", " -Xint "))).isEmpty();
    assertThat(RecordedJit.forJvmOptions(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xss2m -XX:TieredStopAtLevel=3"))).isEmpty();
    assertThat(RecordedJit.forJvmOptions(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xss2m", "PATH", "-Xint"))).containsExactly(RecordedJit.OPTION);
  }

  @Test
  void withC2TheValueCodeIsKeptOutOfTheProgramsCompiledMethods() {
    assertThat(RecordedJit.forRecordedJvm("output=/r", List.of("-Xmx1g"), Map.of())).containsExactly(RecordedJit.OPTION);
    assertThat(RecordedJit.forRecordedJvm("output=/r", List.of("-XX:TieredStopAtLevel=4"), Map.of()))
        .isEqualTo(ValueCodeInlining.OPTIONS);
    assertThat(RecordedJit.forRecordedJvm("values=none", List.of("-XX:TieredStopAtLevel=4"), Map.of())).isEmpty();
    assertThat(RecordedJit.forRecordedJvm("output=/r", List.of(), Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation")))
        .isEqualTo(ValueCodeInlining.OPTIONS);
  }
}
