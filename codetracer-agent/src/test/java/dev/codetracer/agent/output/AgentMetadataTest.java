package dev.codetracer.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentMetadataTest {
  private static final String JAR = Path.of(System.getProperty("user.dir"), "lib", "codetracer-agent.jar").toString();

  @Test
  void theRecordedCommandLeavesOutThisAgentGivenRelativeOrAbsoluteAndTheOptionsLaunchersAddWithIt() {
    List<String> arguments = List.of(
        "-Xmx1g",
        "-javaagent:lib/codetracer-agent.jar=start=api,excludes=a.*",
        "-XX:CompileCommand=quiet",
        "-XX:CompileCommand=dontinline,dev.codetracer.agent.values.*::*",
        "-XX:CompileCommand=dontinline,dev.codetracer.agent.shaded.core.jvm.ValueEncoder::*",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseParallelGC",
        "-javaagent:" + JAR,
        "-javaagent:lib/other-agent.jar",
        "-cp",
        "classes");
    assertThat(AgentMetadata.withoutAgent(arguments, JAR)).containsExactly("-Xmx1g", "-javaagent:lib/other-agent.jar", "-cp", "classes");
  }

  @Test
  void withoutItsJarTheAgentIsRecognisedByName() {
    assertThat(AgentMetadata.withoutAgent(List.of("-javaagent:/x/codetracer-agent-1.0.jar=start=api", "Main"), null)).containsExactly("Main");
  }
}
