package dev.codetracer.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal shares: the project, the agent jar, the recorder's class filters, {@code skip}. */
public abstract class AbstractCodeTracerMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
  Map<String, Artifact> pluginArtifactMap;

  /** Skips the goal. */
  @Parameter(property = "codetracer.skip", defaultValue = "false")
  boolean skip;

  /**
   * Classes to record, as the agent's patterns ({@code com.acme.*}, {@code com.acme.Calculator});
   * empty records every class but the JDK's, build tools', test frameworks' and codetracer's.
   */
  @Parameter(property = "codetracer.includes")
  List<String> includes;

  /** Classes never to record, as the agent's patterns. */
  @Parameter(property = "codetracer.excludes")
  List<String> excludes;

  /**
   * More options for the JVM recorder, verbatim and comma-separated as {@code -javaagent} takes
   * them, e.g. {@code depth=3,maxSteps=5000000,redact=none}.
   */
  @Parameter(property = "codetracer.agentOptions")
  String agentOptions;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      // named by goal: mvn codetracer:record also runs prepare-agent when the POM binds it
      getLog().info("Skipping codetracer:" + goal() + " (codetracer.skip is true)");
      skipped();
      return;
    }
    executeGoal();
  }

  protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

  /** The goal's name, as {@code @Mojo} gives it (that annotation is not kept at run time). */
  protected abstract String goal();

  /** What a skipped goal still owes the build. */
  protected void skipped() throws MojoExecutionException, MojoFailureException {}

  protected Path agentJar() throws MojoExecutionException {
    return PluginJars.find(pluginArtifactMap, PluginJars.AGENT);
  }

  /** The recorder's options common to both goals, with the given ones first. */
  protected RecorderOptions recorderOptions() {
    List<Path> sourceRoots = new ArrayList<>();
    project.getCompileSourceRoots().forEach(root -> sourceRoots.add(Path.of(root)));
    project.getTestCompileSourceRoots().forEach(root -> sourceRoots.add(Path.of(root)));
    return new RecorderOptions()
        .addPatterns("includes", includes)
        .addPatterns("excludes", excludes)
        .addSourcePath(sourceRoots);
  }
}
