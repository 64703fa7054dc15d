package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.recording.DataDirectory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJarTest {
  @TempDir Path dir;

  @Test
  void thePropertyWinsThenTheEnvironment() throws IOException {
    Path fromProperty = Files.writeString(dir.resolve("a.jar"), "a");
    Path fromEnvironment = Files.writeString(dir.resolve("b.jar"), "b");
    ClassLoader none = new URLClassLoader(new URL[0], null);
    DataDirectory data = new DataDirectory(dir.resolve("data"));
    assertThat(AgentJar.locate(fromProperty.toString(), Map.of(AgentJar.ENVIRONMENT, fromEnvironment.toString()), none, () -> data))
        .hasValue(fromProperty);
    assertThat(AgentJar.locate(null, Map.of(AgentJar.ENVIRONMENT, fromEnvironment.toString()), none, () -> data))
        .hasValue(fromEnvironment);
    assertThat(AgentJar.locate(null, Map.of(), none, () -> data)).isEmpty();
    assertThatThrownBy(() -> AgentJar.locate(dir.resolve("gone.jar").toString(), Map.of(), none, () -> data))
        .hasMessageContaining("does not exist").hasMessageContaining("-D" + AgentJar.PROPERTY);
  }

  @Test
  void theBundledJarIsExtractedOnceUnderItsVersionAndHash() throws IOException {
    Path resources = dir.resolve("resources");
    Path bundled = resources.resolve(AgentJar.RESOURCE);
    Files.createDirectories(bundled.getParent());
    Files.writeString(bundled, "the agent");
    DataDirectory data = new DataDirectory(dir.resolve("data"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
      Optional<Path> first = AgentJar.locate(null, Map.of(), loader, () -> data);
      assertThat(first).isPresent();
      assertThat(first.get().getParent()).isEqualTo(data.root().resolve("agent"));
      assertThat(first.get().getFileName().toString()).matches("codetracer-agent-.+-[0-9a-f]{12}\\.jar");
      assertThat(first.get()).hasContent("the agent");
      long modified = Files.getLastModifiedTime(first.get()).toMillis();
      assertThat(AgentJar.locate(null, Map.of(), loader, () -> data)).isEqualTo(first);
      assertThat(Files.getLastModifiedTime(first.get()).toMillis()).isEqualTo(modified);
    }
  }
}
