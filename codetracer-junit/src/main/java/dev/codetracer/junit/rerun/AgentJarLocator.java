package dev.codetracer.junit.rerun;

import dev.codetracer.core.jvm.AgentJar;
import dev.codetracer.junit.config.ConfigurationKeys;
import dev.codetracer.junit.runner.RecorderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The agent jar for a JVM started to rerun tests: the {@code codetracer.agent.jar} configuration
 * parameter (which JUnit also reads from a system property or {@code junit-platform.properties}),
 * else what core's {@link AgentJar} finds, as {@code codetracer record} does: the {@code
 * CODETRACER_AGENT_JAR} environment variable, then the copy bundled in this jar, extracted once
 * into the data directory (a jar inside a jar cannot be given to {@code -javaagent}).
 */
public final class AgentJarLocator {
  private final Path configured;
  private final Supplier<Optional<Path>> elsewhere;

  AgentJarLocator(Path configured, Supplier<Optional<Path>> elsewhere) {
    this.configured = configured;
    this.elsewhere = elsewhere;
  }

  /** @param configured {@code codetracer.agent.jar}, or null */
  public static AgentJarLocator forThisJvm(Path configured) {
    return new AgentJarLocator(configured, AgentJar::locate);
  }

  /**
   * The agent jar.
   *
   * @throws RuntimeException saying where it was looked for
   */
  public Path locate() {
    if (configured != null) {
      if (!Files.isRegularFile(configured)) {
        throw new RecorderException(ConfigurationKeys.AGENT_JAR + " names " + configured + ", which is not a file");
      }
      return configured;
    }
    return elsewhere
        .get()
        .orElseThrow(
            () -> new RecorderException(
                "no agent jar: set " + ConfigurationKeys.AGENT_JAR + " or " + AgentJar.ENVIRONMENT
                    + " to codetracer-agent.jar (this codetracer-junit jar does not bundle one)"));
  }
}
