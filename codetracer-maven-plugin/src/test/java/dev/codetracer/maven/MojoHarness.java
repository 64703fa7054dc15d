package dev.codetracer.maven;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.testing.AbstractMojoTestCase;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;

/**
 * maven-plugin-testing-harness from JUnit 5: the plugin's real descriptor (generated into
 * target/classes), its parameters' defaults and {@code -D} properties evaluated as Maven does.
 */
final class MojoHarness extends AbstractMojoTestCase {
  private final Path basedir;

  MojoHarness(Path basedir) throws Exception {
    this.basedir = basedir;
    setUp();
  }

  void close() throws Exception {
    tearDown();
  }

  /** A jar project in {@code basedir} with Maven's standard folders. */
  MavenProject project() {
    return project(basedir, "sample", "jar");
  }

  /** A project in {@code basedir} with Maven's standard folders, e.g. one module of a reactor. */
  static MavenProject project(Path basedir, String artifactId, String packaging) {
    MavenProject project = new MavenProject();
    project.setGroupId("com.acme");
    project.setArtifactId(artifactId);
    project.setVersion("1.0");
    project.setPackaging(packaging);
    project.setFile(basedir.resolve("pom.xml").toFile());
    project.getBuild().setDirectory(basedir.resolve("target").toString());
    project.getBuild().setOutputDirectory(basedir.resolve("target/classes").toString());
    project.getBuild().setTestOutputDirectory(basedir.resolve("target/test-classes").toString());
    project.addCompileSourceRoot(basedir.resolve("src/main/java").toString());
    project.addTestCompileSourceRoot(basedir.resolve("src/test/java").toString());
    project.setArtifacts(new java.util.LinkedHashSet<>());
    return project;
  }

  /** The goal configured from the project and the {@code -D} properties, as a build would. */
  @SuppressWarnings("unchecked")
  <T extends Mojo> T mojo(String goal, MavenProject project, Properties userProperties) throws Exception {
    return mojo(goal, reactor(List.of(project), userProperties), project);
  }

  /** One build of these projects, one after the other (no -T), with these {@code -D} properties. */
  MavenSession reactor(List<MavenProject> projects, Properties userProperties) {
    MavenSession session = newMavenSession(projects.get(0));
    session.setProjects(projects);
    session.getUserProperties().putAll(userProperties);
    session.getRequest().setUserProperties(userProperties);
    return session;
  }

  /** The goal configured for one project of the build, as the build runs it there. */
  @SuppressWarnings("unchecked")
  <T extends Mojo> T mojo(String goal, MavenSession session, MavenProject project) throws Exception {
    session.setCurrentProject(project);
    MojoExecution execution = newMojoExecution(goal);
    T mojo = (T) lookupConfiguredMojo(session, execution);
    ((AbstractCodeTracerMojo) mojo).pluginArtifactMap =
        Map.of(PluginJars.AGENT, pluginJar("codetracer-agent"), PluginJars.RUNNER, pluginJar("codetracer-junit-runner"));
    return mojo;
  }

  /** A stand-in for a jar in the plugin's artifact map (these tests never start a JVM with it). */
  Artifact pluginJar(String artifactId) throws IOException {
    Path jar = stubJar(artifactId);
    Files.createDirectories(jar.getParent());
    if (!Files.exists(jar)) {
      Files.write(jar, new byte[0]);
    }
    return artifact("dev.codetracer", artifactId, "0.1.0", jar.toFile());
  }

  Path stubJar(String artifactId) {
    return basedir.resolve("repo/" + artifactId + "-0.1.0.jar");
  }

  static Artifact artifact(String groupId, String artifactId, String version, File file) {
    DefaultArtifactHandler jar = new DefaultArtifactHandler("jar");
    jar.setAddedToClasspath(true);
    DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, version, Artifact.SCOPE_TEST, "jar", null, jar);
    artifact.setFile(file);
    return artifact;
  }

  static Plugin plugin(String groupId, String artifactId) {
    Plugin plugin = new Plugin();
    plugin.setGroupId(groupId);
    plugin.setArtifactId(artifactId);
    return plugin;
  }

  /** Gives the project a maven-surefire-plugin with this {@code <configuration>...</configuration>}. */
  static void configureSurefire(MavenProject project, String configuration) throws Exception {
    Plugin surefire = plugin("org.apache.maven.plugins", "maven-surefire-plugin");
    surefire.setConfiguration(Xpp3DomBuilder.build(new StringReader(configuration)));
    project.getBuild().addPlugin(surefire);
  }
}
