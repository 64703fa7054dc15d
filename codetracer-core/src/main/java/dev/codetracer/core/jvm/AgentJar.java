package dev.codetracer.core.jvm;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.CodeTracerVersion;
import dev.codetracer.core.io.IoMessages;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the agent jar to put after {@code -javaagent:}: the system property {@value #PROPERTY},
 * else the environment variable {@value #ENVIRONMENT}, else the copy bundled as the class path
 * resource {@value #RESOURCE} (the CLI, the JUnit extension and the Maven plugin bundle it),
 * extracted once into {@code <data dir>/agent/codetracer-agent-<version>-<sha256 prefix>.jar}.
 */
public final class AgentJar {
  public static final String PROPERTY = "codetracer.agent.jar";
  public static final String ENVIRONMENT = "CODETRACER_AGENT_JAR";
  public static final String RESOURCE = "dev/codetracer/agent/codetracer-agent.jar";

  private AgentJar() {}

  /** The agent jar, or empty when this build has none. */
  public static Optional<Path> locate() {
    return locate(System.getProperty(PROPERTY), System.getenv(), AgentJar.class.getClassLoader(), DataDirectory::fromEnvironment);
  }

  static Optional<Path> locate(
      String property, Map<String, String> env, ClassLoader loader, java.util.function.Supplier<DataDirectory> dataDirectory) {
    for (String configured : new String[] {property, env.get(ENVIRONMENT)}) {
      if (configured != null && !configured.isBlank()) {
        Path jar = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
          throw new dev.codetracer.core.record.RecorderUnavailableException(
              "the agent jar " + jar + " (from " + (configured.equals(property) ? "-D" + PROPERTY : ENVIRONMENT) + ") does not exist");
        }
        return Optional.of(jar);
      }
    }
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      DataDirectory data = dataDirectory.get();
      data.requireUsable();
      Path folder = data.root().resolve("agent");
      try {
        return Optional.of(extract(in.readAllBytes(), folder));
      } catch (IOException e) {
        throw new CodeTracerException("cannot unpack the JVM recorder into " + folder + ": " + IoMessages.describe(e), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled agent jar: " + e.getMessage(), e);
    }
  }

  static Path extract(byte[] jar, Path directory) throws IOException {
    String hash;
    try {
      hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path target = directory.resolve("codetracer-agent-" + CodeTracerVersion.get() + "-" + hash + ".jar");
    if (Files.isRegularFile(target) && Files.size(target) == jar.length) {
      return target;
    }
    Files.createDirectories(directory);
    AtomicFiles.write(target, jar);
    return target;
  }
}
