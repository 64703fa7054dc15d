package dev.codetracer.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramEnvironmentTest {
  @Test
  void theJvmOptionsTheLauncherSetAsideGoBackUnchanged() {
    Map<String, String> environment = new HashMap<>(Map.of(
        "CODETRACER_JAVA_TOOL_OPTIONS", "-Da=1  -Db=2",
        "CODETRACER_JDK_JAVA_OPTIONS", "",
        "CODETRACER_SKIP_BUILD", "1",
        "PATH", "/bin"));

    ProgramEnvironment.restoreJvmOptions(environment);

    assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.of(
        "JAVA_TOOL_OPTIONS", "-Da=1  -Db=2",
        "JDK_JAVA_OPTIONS", "",
        "CODETRACER_SKIP_BUILD", "1",
        "PATH", "/bin"));
  }

  @Test
  void withNothingSetAsideTheEnvironmentStaysAsItIs() {
    Map<String, String> environment = new HashMap<>(Map.of("JAVA_TOOL_OPTIONS", "-Da=1", "PATH", "/bin"));
    ProgramEnvironment.restoreJvmOptions(environment);
    assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.of("JAVA_TOOL_OPTIONS", "-Da=1", "PATH", "/bin"));
  }
}
