package dev.codetracer.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * What the record goal has seen across the modules of one build, so that a multi-module build
 * runs every module, prints every module's summary, and fails once at the end: when tests failed
 * somewhere, or when no module had a test that matched. A single-module build, and a parallel
 * one (whose last module may finish before the others), decide in each module.
 */
final class ReactorProgress {
  private static final Object KEY = ReactorProgress.class.getName();

  private final List<String> failedModules = new ArrayList<>();
  private int failedTests;
  private int modulesWithMatches;
  private int modulesAsked;

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
