package dev.codetracer.junit.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.junit.support.TestJvms;
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

  @Test
  void theApiClassOnTheClassPathButNotLoadedAsAnAgentCountsAsNoRecorder() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {TestJvms.agentJar().toUri().toURL()}, null)) {
      assertThat(Class.forName(AgentBridge.API_CLASS, false, loader)).isNotNull();
      assertThat(AgentBridge.find(List.of(loader)).isLoaded()).isFalse();
    }
  }
}
