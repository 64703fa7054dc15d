package dev.codetracer.junit.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.recording.DataDirectory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJarLocatorTest {
  @TempDir Path temp;

  private final ClassLoader empty = new URLClassLoader(new URL[0], null);

  @Test
  void theConfiguredJarComesFirstThenTheEnvironment() throws IOException {
    Path configured = Files.writeString(temp.resolve("configured.jar"), "x");
    Path fromEnvironment = Files.writeString(temp.resolve("env.jar"), "y");
    Map<String, String> environment = Map.of("CODETRACER_AGENT_JAR", fromEnvironment.toString());
    DataDirectory data = new DataDirectory(temp.resolve("data"));
    assertThat(new AgentJarLocator(configured, environment, empty, () -> data).locate()).isEqualTo(configured);
    assertThat(new AgentJarLocator(null, environment, empty, () -> data).locate()).isEqualTo(fromEnvironment);
    assertThatThrownBy(() -> new AgentJarLocator(temp.resolve("missing.jar"), environment, empty, () -> data).locate())
        .hasMessage("codetracer.agent.jar names " + temp.resolve("missing.jar") + ", which is not a file");
    assertThatThrownBy(() -> new AgentJarLocator(null, Map.of(), empty, () -> data).locate())
        .hasMessageStartingWith("no agent jar: set codetracer.agent.jar or CODETRACER_AGENT_JAR");
  }

  @Test
  void theBundledJarIsExtractedOnceIntoTheDataDirectory() throws IOException {
    Path resources = temp.resolve("resources");
    Path bundled = resources.resolve(AgentJarLocator.BUNDLED_RESOURCE);
    Files.createDirectories(bundled.getParent());
    Files.write(bundled, new byte[] {1, 2, 3});
    DataDirectory data = new DataDirectory(temp.resolve("data"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
      Path first = new AgentJarLocator(null, Map.of(), loader, () -> data).locate();
      Path second = new AgentJarLocator(null, Map.of(), loader, () -> data).locate();
      assertThat(first).isEqualTo(second).startsWith(data.root().resolve("agent"));
      assertThat(Files.readAllBytes(first)).containsExactly(1, 2, 3);
      assertThat(first.getFileName().toString()).matches("codetracer-agent-" + java.util.regex.Pattern.quote(dev.codetracer.core.CodeTracerVersion.get()) + "-[0-9a-f]{12}\\.jar");
    }
  }
}
