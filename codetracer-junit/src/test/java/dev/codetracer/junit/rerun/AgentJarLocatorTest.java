package dev.codetracer.junit.rerun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rest of the search (environment, bundled copy) is core's AgentJar, tested there. */
class AgentJarLocatorTest {
  @TempDir Path temp;

  @Test
  void theConfiguredJarComesFirstThenCoresSearch() throws IOException {
    Path configured = Files.writeString(temp.resolve("configured.jar"), "x");
    Path found = Files.writeString(temp.resolve("found.jar"), "y");
    assertThat(new AgentJarLocator(configured, () -> Optional.of(found)).locate()).isEqualTo(configured);
    assertThat(new AgentJarLocator(null, () -> Optional.of(found)).locate()).isEqualTo(found);
    assertThatThrownBy(() -> new AgentJarLocator(temp.resolve("missing.jar"), () -> Optional.of(found)).locate())
        .hasMessage("codetracer.agent.jar names " + temp.resolve("missing.jar") + ", which is not a file");
  }

  @Test
  void withoutAnyJarTheMessageSaysWhatToSet() {
    assertThatThrownBy(() -> new AgentJarLocator(null, Optional::empty).locate())
        .hasMessageStartingWith("no agent jar: set codetracer.agent.jar or CODETRACER_AGENT_JAR");
  }
}
