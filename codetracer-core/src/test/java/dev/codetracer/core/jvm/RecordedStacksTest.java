package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedStacksTest {
  @Test
  void aJvmWithoutAStackSizeGetsFourTimesTheDefault() {
    assertThat(RecordedStacks.withRecordedStacks(List.of("java", "-cp", "app.jar", "Main", "-Xss1k"), Map.of()))
        .containsExactly("java", "-cp", "app.jar", "-Xss4096k", "Main", "-Xss1k");
  }

  @Test
  void theLastStackSizeTheOptionsGiveIsScaled() {
    assertThat(RecordedStacks.withRecordedStacks(List.of("java", "-Xss2m", "-XX:ThreadStackSize=512", "-jar", "app.jar"), Map.of()))
        .containsExactly("java", "-Xss2m", "-XX:ThreadStackSize=512", "-Xss2048k", "-jar", "app.jar");
    assertThat(RecordedStacks.option(List.of("-Xss8M"))).isEqualTo("-Xss32768k");
    assertThat(RecordedStacks.option(List.of("-Xss1g"))).isEqualTo("-Xss4194304k");
    assertThat(RecordedStacks.option(List.of("-Xss262144"))).isEqualTo("-Xss1024k");
    assertThat(RecordedStacks.option(List.of("-Xss2m", "-Xss0"))).isEqualTo("-Xss4096k");
  }

  @Test
  void theEnvironmentsOptionsCountAndTheCommandLineComesAfterThem() {
    Map<String, String> environment = Map.of("JAVA_TOOL_OPTIONS", " -Xss3m ", "JDK_JAVA_OPTIONS", "-Dx=1");
    assertThat(RecordedStacks.withRecordedStacks(List.of("java", "Main.java"), environment)).containsExactly("java", "-Xss12288k", "Main.java");
    assertThat(RecordedStacks.withRecordedStacks(List.of("java", "-Xss1m", "Main.java"), environment))
        .containsExactly("java", "-Xss1m", "-Xss4096k", "Main.java");
  }

  @Test
  void optionValuesAndModulesAreNotMistakenForTheMainClass() {
    assertThat(RecordedStacks.withRecordedStacks(List.of("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-p", "mods", "-m", "app/app.Main"), Map.of()))
        .containsExactly("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-p", "mods", "-Xss4096k", "-m", "app/app.Main");
    assertThat(RecordedStacks.withRecordedStacks(List.of("java", "-version"), Map.of())).containsExactly("java", "-version", "-Xss4096k");
  }

  @Test
  void aSizeTheJvmWouldRefuseIsLeftToTheJvm() {
    assertThat(RecordedStacks.stackSizeKib("-Xssbig")).isEmpty();
    assertThat(RecordedStacks.option(List.of("-Xss2m", "-Xssbig"))).isEqualTo("-Xss8192k");
  }
}
