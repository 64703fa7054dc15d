package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentBridgeTest {
  @Test
  void withoutTheAgentNothingIsRecordedAndNothingFails() {
    AgentBridge bridge = AgentBridge.inThisJvm();
    assertThat(bridge.isLoaded()).isFalse();
    assertThat(bridge.start("x", Path.of("/nowhere"))).isFalse();
    assertThat(bridge.stop(true)).isEmpty();
    assertThat(bridge.isRecording()).isFalse();
    assertThat(bridge).hasToString("no recorder loaded");
  }

  /** The agent's jar (the module's pom names it), opened here but never loaded as an agent. */
  private static Path agentJar() {
    String jar = System.getProperty("codetracer.test.agentJar");
    assertThat(jar).as("system property codetracer.test.agentJar (set by the module's pom)").isNotBlank();
    return Path.of(jar);
  }

  @Test
  void theApiClassOnTheClassPathButNotLoadedAsAnAgentCountsAsNoRecorder() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {agentJar().toUri().toURL()}, null)) {
      assertThat(Class.forName(AgentBridge.API_CLASS, false, loader)).isNotNull();
      assertThat(AgentBridge.find(List.of(loader)).isLoaded()).isFalse();
    }
  }
}
