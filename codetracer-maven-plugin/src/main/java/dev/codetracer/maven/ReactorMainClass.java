package dev.codetracer.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Which module of a build records the main program, so that a reactor runs it once: the modules
 * that depend on the one whose own classes have it would each run the same program again. A module
 * records the class when its own classes have it; one that has it only through a dependency
 * records it when no module of the build has it in its own classes (a library's class), and then
 * only the first such module does. A single-module build records what its class path has.
 */
final class ReactorMainClass {
  private ReactorMainClass() {}

  /**
   * Why another module records the main class instead of this one, naming it; empty when this one
   * records it.
   *
   * @param mainClass on the project's runtime class path
   */
  static Optional<String> recordedElsewhere(String mainClass, MavenSession session, MavenProject project, ReactorProgress progress) {
    List<MavenProject> projects = session.getProjects();
    if (projects.size() <= 1 || inOwnClasses(mainClass, project)) {
      return Optional.empty();
    }
    for (MavenProject other : projects) {
      if (other != project && inOwnClasses(mainClass, other)) {
        return Optional.of(mainClass + " is in the classes of " + other.getArtifactId() + ", which records it");
      }
    }
    return progress
        .firstToRecord(mainClass, project.getArtifactId())
        .map(first -> mainClass + " comes from a dependency, and " + first + ", the first module that has it, records it");
  }

  private static boolean inOwnClasses(String mainClass, MavenProject project) {
    return MainClassLocator.exists(mainClass, List.of(Path.of(project.getBuild().getOutputDirectory())));
  }
}
