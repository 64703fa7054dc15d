package dev.codetracer.maven;

import dev.codetracer.maven.surefire.ArgLine;
import dev.codetracer.maven.surefire.SurefireConfiguration;
import dev.codetracer.maven.tests.ForkedTestRun;
import dev.codetracer.maven.tests.LauncherClasspath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The test JVM Surefire would fork for a module, described for {@code codetracer:record}: the
 * {@code java} to run, the argLine (late {@code @{...}} properties replaced, our own agent left
 * out), the system properties (the POM's, then the Maven command line's {@code -D}s, as Surefire
 * does), the environment, the working directory and the test class path with the runner's
 * launcher.
 */
final class SurefireFork {
  private final MavenProject project;
  private final MavenSession session;
  private final Map<String, String> processEnvironment;
  private final File jvm;
  private final LauncherClasspath launcher;
  private final Log log;

  /** @param jvm {@code -Dcodetracer.jvm}, or null for Surefire's {@code jvm}, then this JVM's java */
  SurefireFork(MavenProject project, MavenSession session, Map<String, String> processEnvironment, File jvm, LauncherClasspath launcher, Log log) {
    this.project = project;
    this.session = session;
    this.processEnvironment = processEnvironment;
    this.jvm = jvm;
    this.launcher = launcher;
    this.log = log;
  }

  ForkedTestRun forkedTestRun(SurefireConfiguration surefire) throws MojoExecutionException, MojoFailureException {
    Set<String> unknown = new LinkedHashSet<>();
    String argLine =
        ArgLine.replaceLateProperties(surefire.argLine(), session.getUserProperties(), project.getProperties(), unknown::add);
    if (!unknown.isEmpty()) {
      log.debug("argLine: no value for " + unknown + "; replaced by nothing");
    }
    List<String> jvmArguments;
    try {
      jvmArguments = ArgLine.withoutOurAgent(ArgLine.split(argLine));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("the Surefire argLine cannot be read: " + e.getMessage());
    }
    Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
    Map<String, String> systemProperties = new LinkedHashMap<>();
    systemProperties.put("basedir", basedir.toString());
    surefire.systemProperties().forEach(systemProperties::put);
    // as Surefire does: -D properties of the Maven command line reach the tests, over the POM's
    session.getUserProperties().stringPropertyNames().forEach(name -> systemProperties.put(name, session.getUserProperties().getProperty(name)));
    Path workingDirectory = surefire.workingDirectory() == null ? basedir : basedir.resolve(surefire.workingDirectory());
    try {
      Files.createDirectories(workingDirectory);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot create the working directory " + workingDirectory, e);
    }
    return new ForkedTestRun(
        javaExecutable(jvm, surefire),
        jvmArguments,
        systemProperties,
        ForkedTestRun.environment(processEnvironment, surefire.excludedEnvironmentVariables(), surefire.environmentVariables()),
        workingDirectory,
        testClasspath(surefire),
        Path.of(project.getBuild().getDirectory()).toAbsolutePath().resolve("codetracer-run"),
        surefire.forkedProcessTimeoutSeconds());
  }

  private List<Path> testClasspath(SurefireConfiguration surefire) throws MojoExecutionException, MojoFailureException {
    Set<Path> excluded = new LinkedHashSet<>();
    for (String key : surefire.classpathDependencyExcludes()) {
      for (Artifact artifact : project.getArtifacts()) {
        if (key.equals(artifact.getGroupId() + ":" + artifact.getArtifactId()) && artifact.getFile() != null) {
          excluded.add(artifact.getFile().toPath().toAbsolutePath());
        }
      }
    }
    List<Path> classpath = new ArrayList<>();
    try {
      for (String element : project.getTestClasspathElements()) {
        Path path = Path.of(element).toAbsolutePath();
        if (!excluded.contains(path)) {
          classpath.add(path);
        }
      }
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the test class path is not resolved: " + e.getMessage(), e);
    }
    surefire.additionalClasspathElements().forEach(element -> classpath.add(Path.of(element).toAbsolutePath()));
    classpath.addAll(launcher.entriesFor(project.getArtifacts()));
    return classpath;
  }

  /** The java of the test (or main program's) JVM: {@code -Dcodetracer.jvm}, Surefire's {@code jvm}, or this JVM's. */
  static Path javaExecutable(File jvm, SurefireConfiguration surefire) throws MojoFailureException {
    Path java;
    if (jvm != null) {
      java = jvm.toPath();
    } else if (surefire.jvm() != null) {
      java = Path.of(surefire.jvm());
    } else {
      java = Path.of(System.getProperty("java.home"), "bin", "java");
    }
    if (!Files.isExecutable(java)) {
      throw new MojoFailureException("the java executable " + java + " does not exist or cannot run: set -Dcodetracer.jvm=/path/to/bin/java");
    }
    return java.toAbsolutePath();
  }
}
