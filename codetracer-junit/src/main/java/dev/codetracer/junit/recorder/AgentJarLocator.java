package dev.codetracer.junit.recorder;

import dev.codetracer.core.CodeTracerVersion;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.junit.config.ConfigurationKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds the agent jar for a JVM started to rerun tests, by the rules of core's {@code AgentJar}
 * (which {@code codetracer record} follows), with the configuration parameter in front: {@code codetracer.agent.jar} (configuration parameter or system property), then the
 * {@code CODETRACER_AGENT_JAR} environment variable, then the copy bundled in this jar, extracted
 * once into the data directory (a jar inside a jar cannot be given to {@code -javaagent}).
 */
public final class AgentJarLocator {
  public static final String BUNDLED_RESOURCE = "dev/codetracer/agent/codetracer-agent.jar";

  private final Path configured;
  private final Map<String, String> environment;
  private final ClassLoader resources;
  private final Supplier<DataDirectory> dataDirectory;

  public AgentJarLocator(
      Path configured, Map<String, String> environment, ClassLoader resources, Supplier<DataDirectory> dataDirectory) {
    this.configured = configured;
    this.environment = environment;
    this.resources = resources;
    this.dataDirectory = dataDirectory;
  }

  public static AgentJarLocator forThisJvm(Path configured) {
    return new AgentJarLocator(
        configured, System.getenv(), AgentJarLocator.class.getClassLoader(), DataDirectory::fromEnvironment);
  }

  /**
   * The agent jar.
   *
   * @throws RecorderException saying where it was looked for
   */
  public Path locate() {
    if (configured != null) {
      return existing(configured, ConfigurationKeys.AGENT_JAR);
    }
    String fromEnvironment = environment.get(ConfigurationKeys.AGENT_JAR_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return existing(Path.of(fromEnvironment).toAbsolutePath().normalize(), ConfigurationKeys.AGENT_JAR_VARIABLE);
    }
    if (resources.getResource(BUNDLED_RESOURCE) == null) {
      throw new RecorderException(
          "no agent jar: set " + ConfigurationKeys.AGENT_JAR + " or " + ConfigurationKeys.AGENT_JAR_VARIABLE
              + " to codetracer-agent.jar (this codetracer-junit jar does not bundle one)");
    }
    return extractBundled();
  }

  private static Path existing(Path jar, String source) {
    if (!Files.isRegularFile(jar)) {
      throw new RecorderException(source + " names " + jar + ", which is not a file");
    }
    return jar;
  }

  private Path extractBundled() {
    try {
      byte[] bytes;
      try (InputStream in = resources.getResourceAsStream(BUNDLED_RESOURCE)) {
        if (in == null) {
          throw new RecorderException("cannot read the bundled agent jar " + BUNDLED_RESOURCE);
        }
        bytes = in.readAllBytes();
      }
      Path folder = dataDirectory.get().root().resolve("agent");
      // The name core's AgentJar gives it, so the CLI, the plugin and this extension share one copy.
      Path jar = folder.resolve("codetracer-agent-" + CodeTracerVersion.get() + "-" + shortHash(bytes) + ".jar");
      if (Files.isRegularFile(jar) && Files.size(jar) == bytes.length) {
        return jar;
      }
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, ".codetracer-agent-", ".partial");
      try {
        Files.write(partial, bytes);
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      return jar;
    } catch (IOException e) {
      throw new RecorderException("cannot extract the bundled agent jar: " + e, e);
    }
  }

  private static String shortHash(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
