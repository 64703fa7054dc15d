package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCodeInliningTest {
  private static final List<String> OPTIONS =
      List.of("-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,dev.codetracer.agent.values.*::*",
          "-XX:CompileCommand=dontinline,dev.codetracer.agent.shaded.core.jvm.ValueEncoder::*");

  @Test
  void aJvmThatRecordsValuesGetsTheOptions() {
    assertThat(ValueCodeInlining.forAgentOptions("start=api,depth=3")).isEqualTo(OPTIONS);
    assertThat(ValueCodeInlining.forAgentOptions("")).isEqualTo(OPTIONS);
    assertThat(ValueCodeInlining.forAgentOptions(null)).isEqualTo(OPTIONS);
  }

  @Test
  void noValuesOrOptionsTheAgentRefusesGetNone() {
    assertThat(ValueCodeInlining.forAgentOptions("start=api,values=none")).isEmpty();
    assertThat(ValueCodeInlining.forAgentOptions("depth=lots")).isEmpty();
  }

  @Test
  void optionsAJvmInheritedAlreadyAreNotGivenTwice() {
    assertThat(ValueCodeInlining.forAgentOptions("start=api", List.of("-Xmx1g", OPTIONS.get(0), OPTIONS.get(1), OPTIONS.get(2)))).isEmpty();
    assertThat(ValueCodeInlining.forAgentOptions("start=api", List.of("-Xmx1g"))).isEqualTo(OPTIONS);
  }

  @Test
  void readsTheAgentOptionsOfAJavaagentArgument() {
    assertThat(ValueCodeInlining.agentOptionsOf("-javaagent:/a/agent.jar=start=api,values=none")).isEqualTo("start=api,values=none");
    assertThat(ValueCodeInlining.agentOptionsOf("-javaagent:/a/agent.jar")).isEmpty();
  }
}
