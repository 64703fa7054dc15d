package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void callsReachTheApiAndWhatItThrowsIsReportedAsItself(@TempDir Path folder) throws Exception {
    Path classes = compileApi(folder, """
        public static boolean isActive() { return true; }
        public static boolean isRecording() { return true; }
        public static boolean start(String name, java.nio.file.Path folder) {
          throw new IllegalStateException("another recording runs on thread main");
        }
        public static java.nio.file.Path stop(boolean keep) { return java.nio.file.Path.of(keep ? "kept" : "dropped"); }
        """);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      AgentBridge bridge = AgentBridge.find(List.of(loader));
      assertThat(bridge.isLoaded()).isTrue();
      assertThat(bridge.isRecording()).isTrue();
      assertThat(bridge.stop(true)).contains(Path.of("kept"));
      assertThatThrownBy(() -> bridge.start("x", folder))
          .isInstanceOf(RecorderException.class)
          .hasMessage("the recorder could not start: another recording runs on thread main")
          .hasCauseInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void anApiWithAnotherSignatureCountsAsNoRecorder(@TempDir Path folder) throws Exception {
    Path classes = compileApi(folder, """
        public static boolean isActive() { return true; }
        public static boolean isRecording() { return false; }
        public static void start(String name, java.nio.file.Path folder) {}
        public static java.nio.file.Path stop(boolean keep) { return null; }
        """);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      assertThat(AgentBridge.find(List.of(loader)).isLoaded()).isFalse();
    }
  }

  /** A class named as the agent's API, with these members, compiled into {@code folder}/classes. */
  private static Path compileApi(Path folder, String members) throws IOException {
    String name = AgentBridge.API_CLASS;
    Path source = folder.resolve("src").resolve(name.replace('.', '/') + ".java");
    Files.createDirectories(source.getParent());
    String packageName = name.substring(0, name.lastIndexOf('.'));
    String simpleName = name.substring(name.lastIndexOf('.') + 1);
    Files.writeString(source, "package " + packageName + ";\npublic final class " + simpleName + " {\n" + members + "}\n");
    Path classes = Files.createDirectories(folder.resolve("classes"));
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
    assertThat(status).as("javac of the stand-in API").isZero();
    return classes;
  }
}
