package dev.codetracer.maven;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * What the record goal has seen across the modules of one build, so that a multi-module build
 * runs every module, prints every module's summary, and fails once at the end: when tests failed
 * somewhere, when no module had a test that matched, or when no module had the main class to
 * record. It also remembers which module records a main class that comes from a library, so that
 * only one does. A single-module build, and a parallel one (whose last module may finish before the
 * others), decide in each module.
 */
final class ReactorProgress {
  private static final Object KEY = ReactorProgress.class.getName();

  private final List<String> failedModules = new ArrayList<>();
  private int failedTests;
  private int modulesWithMatches;
  private int modulesAsked;
  /** Main classes some module did not have, each with the classes of the same simple name the modules have. */
  private final Map<String, Set<String>> mainClassesMissing = new LinkedHashMap<>();
  private final Set<String> mainClassesFound = new HashSet<>();
  /** Main classes from libraries, each with the first module that records it. */
  private final Map<String, String> libraryMainClassRecorders = new HashMap<>();

  static ReactorProgress of(MavenSession session) {
    SessionData data = session.getRepositorySession().getData();
    while (true) {
      Object existing = data.get(KEY);
      if (existing instanceof ReactorProgress) {
        return (ReactorProgress) existing;
      }
      ReactorProgress fresh = new ReactorProgress();
      if (data.set(KEY, existing, fresh)) {
        return fresh;
      }
    }
  }

  /** True when this build decides at its end (more than one module, built one after the other). */
  static boolean defersToEnd(MavenSession session) {
    return session.getProjects().size() > 1 && !session.isParallel();
  }

  /** True when the project is the last one this build runs. */
  static boolean isLast(MavenSession session, MavenProject project) {
    List<MavenProject> projects = session.getProjects();
    MavenProject last = projects.get(projects.size() - 1);
    return last.getGroupId().equals(project.getGroupId()) && last.getArtifactId().equals(project.getArtifactId());
  }

  synchronized void moduleRan(String module, boolean matched, int failed) {
    modulesAsked++;
    if (matched) {
      modulesWithMatches++;
    }
    if (failed > 0) {
      failedTests += failed;
      failedModules.add(module);
    }
  }

  synchronized void mainClassFound(String mainClass) {
    mainClassesFound.add(mainClass);
  }

  synchronized void mainClassMissing(String mainClass, List<String> similar) {
    mainClassesMissing.computeIfAbsent(mainClass, name -> new TreeSet<>()).addAll(similar);
  }

  /**
   * Makes this module the one that records a main class from a library, unless one already is.
   *
   * @return the module that already records it, or empty when this one now does
   */
  synchronized Optional<String> firstToRecord(String mainClass, String module) {
    String first = libraryMainClassRecorders.putIfAbsent(mainClass, module);
    return first == null || first.equals(module) ? Optional.empty() : Optional.of(first);
  }

  /** The main classes that no module had, each with up to five classes of that simple name that the modules have. */
  synchronized Map<String, List<String>> mainClassesFoundNowhere() {
    Map<String, List<String>> nowhere = new LinkedHashMap<>();
    mainClassesMissing.forEach((name, similar) -> {
      if (!mainClassesFound.contains(name)) {
        nowhere.put(name, similar.stream().limit(5).collect(Collectors.toList()));
      }
    });
    return nowhere;
  }

  synchronized boolean anyModuleMatched() {
    return modulesWithMatches > 0;
  }

  synchronized int modulesAsked() {
    return modulesAsked;
  }

  synchronized int failedTests() {
    return failedTests;
  }

  synchronized List<String> failedModules() {
    return List.copyOf(failedModules);
  }
}
