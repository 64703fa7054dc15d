package dev.codetracer.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The JVM recorder's jar, as JaCoCo's plugin finds its agent: a dependency of this plugin, looked
 * up in the plugin's artifact map (never in the user's project, whose dependencies may not have it
 * or may have another version).
 */
final class AgentJarArtifact {
  static final String KEY = "dev.codetracer:codetracer-agent";

  private AgentJarArtifact() {}

  static Path find(Map<String, Artifact> pluginArtifactMap) throws MojoExecutionException {
    Artifact agent = pluginArtifactMap == null ? null : pluginArtifactMap.get(KEY);
    File file = agent == null ? null : agent.getFile();
    if (file == null || !file.isFile()) {
      throw new MojoExecutionException(
          "codetracer-maven-plugin has no " + KEY + " jar among its dependencies"
              + (agent == null ? "" : " (" + agent + " resolved to " + file + ")")
              + "; do not exclude it from the plugin's <dependencies>");
    }
    return file.toPath().toAbsolutePath();
  }
}
