package dev.codetracer.junit.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.junit.rerun.TestClassPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** What the tests need to start JVMs: the agent jar, the JUnit versions, this module's class path. */
public final class TestJvms {
  private static Path agentCopy;

  private TestJvms() {}

  /** The module folder: JVMs run there so the recorder finds the samples' sources under src/test/java. */
  public static Path moduleDir() {
    return Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
  }

  public static Path work() {
    try {
      Path work = Path.of(System.getProperty("codetracer.test.work", "target/test-work")).toAbsolutePath();
      Files.createDirectories(work);
      return work;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A private copy of the agent jar (the shared build folder it comes from may be rebuilt while
   * the tests run).
   */
  public static synchronized Path agentJar() {
    if (agentCopy == null) {
      String built = System.getProperty("codetracer.test.agentJar");
      assertThat(built).as("system property codetracer.test.agentJar (set by the module's pom)").isNotBlank();
      Path jar = Path.of(built);
      assertThat(jar).as("the agent jar; build with mvn -pl codetracer-junit -am verify").isRegularFile();
      try {
        Path copy = work().resolve("codetracer-agent.jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        agentCopy = copy;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return agentCopy;
  }

  /** The JUnit Platform versions the end-to-end tests run with: the oldest supported and the newest. */
  public static List<String> junitVersions() {
    return List.of(System.getProperty("codetracer.test.junitVersions", "1.10.5,1.14.4").split(","));
  }

  public static Path junitStandalone(String platformVersion) {
    Path jar =
        Path.of(System.getProperty("codetracer.test.junitStandalone", "target/junit-standalone"))
            .resolve("junit-platform-console-standalone-" + platformVersion + ".jar");
    assertThat(jar).as("JUnit standalone jar (copied by the module's pom)").isRegularFile();
    return jar;
  }

  /**
   * The class path of a sample JVM with the given JUnit: its standalone jar, then this module's
   * test and main classes and dependencies, without the JUnit of this JVM.
   */
  public static List<Path> sampleClassPath(String platformVersion) {
    List<Path> classPath = new ArrayList<>();
    classPath.add(junitStandalone(platformVersion));
    for (Path entry : TestClassPath.ofThisJvm()) {
      String name = entry.getFileName().toString();
      boolean junit =
          name.startsWith("junit-") || name.startsWith("opentest4j") || name.startsWith("apiguardian")
              || name.startsWith("surefire") || name.startsWith("common-java5") || name.startsWith("common-junit")
              || name.startsWith("maven-surefire");
      if (!junit) {
        classPath.add(entry);
      }
    }
    return classPath;
  }

  public static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }
}
