package dev.codetracer.maven.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * What the forked JVM needs besides the project's test class path: the JUnit Platform Launcher of
 * the project's own JUnit Platform version (as Surefire adds it, resolved only when the project
 * does not have it already), and the runner's jar, codetracer-junit-runner (which needs nothing
 * else: none of codetracer's libraries land on the tests' class path).
 */
public final class LauncherClasspath {
  static final String PLATFORM_GROUP = "org.junit.platform";
  static final String LAUNCHER = "junit-platform-launcher";
  static final String ENGINE = "junit-platform-engine";

  private final RepositorySystem repositorySystem;
  private final RepositorySystemSession repositorySession;
  private final List<RemoteRepository> repositories;
  private final Path runnerJar;

  public LauncherClasspath(
      RepositorySystem repositorySystem, RepositorySystemSession repositorySession, List<RemoteRepository> repositories, Path runnerJar) {
    this.repositorySystem = repositorySystem;
    this.repositorySession = repositorySession;
    this.repositories = repositories;
    this.runnerJar = runnerJar;
  }

  /** The entries to append after the test class path. */
  public List<Path> entriesFor(Collection<Artifact> testArtifacts) throws MojoFailureException {
    List<Path> entries = new ArrayList<>();
    if (find(testArtifacts, LAUNCHER).isEmpty()) {
      Artifact engine =
          find(testArtifacts, ENGINE)
              .orElseThrow(() -> new MojoFailureException(
                  "the tests need the JUnit Platform to be recorded, and this module's test dependencies have no "
                      + PLATFORM_GROUP + ":" + ENGINE + ": add org.junit.jupiter:junit-jupiter (or, for JUnit 4 tests, "
                      + "org.junit.vintage:junit-vintage-engine) to the test dependencies"));
      entries.add(resolveLauncher(engine.getBaseVersion()));
    }
    entries.add(runnerJar);
    return entries;
  }

  static Optional<Artifact> find(Collection<Artifact> artifacts, String artifactId) {
    return artifacts.stream()
        .filter(a -> PLATFORM_GROUP.equals(a.getGroupId()) && artifactId.equals(a.getArtifactId()))
        .findFirst();
  }

  private Path resolveLauncher(String version) throws MojoFailureException {
    ArtifactRequest request =
        new ArtifactRequest(new DefaultArtifact(PLATFORM_GROUP, LAUNCHER, "jar", version), repositories, null);
    try {
      return repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoFailureException(
          "cannot resolve " + PLATFORM_GROUP + ":" + LAUNCHER + ":" + version + " (the launcher matching the project's JUnit Platform): "
              + e.getMessage() + "; add it to the test dependencies, or check the repositories and -o");
    }
  }
}
