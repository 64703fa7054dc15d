package dev.codetracer.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Jars this plugin hands to other JVMs, as JaCoCo's plugin finds its agent: dependencies of this
 * plugin, looked up in the plugin's artifact map (never in the user's project, whose dependencies
 * may not have them or may have other versions).
 */
final class PluginJars {
  /** The JVM recorder, for {@code -javaagent:}. */
  static final String AGENT = "dev.codetracer:codetracer-agent";
  /** The forked test JVM's runner, for its class path. */
  static final String RUNNER = "dev.codetracer:codetracer-junit-runner";

  private PluginJars() {}

  static Path find(Map<String, Artifact> pluginArtifactMap, String key) throws MojoExecutionException {
    Artifact artifact = pluginArtifactMap == null ? null : pluginArtifactMap.get(key);
    File file = artifact == null ? null : artifact.getFile();
    if (file == null || !file.isFile()) {
      throw new MojoExecutionException(
          "codetracer-maven-plugin has no " + key + " jar among its dependencies"
              + (artifact == null ? "" : " (" + artifact + " resolved to " + file + ")")
              + "; do not exclude it from the plugin's <dependencies>");
    }
    return file.toPath().toAbsolutePath();
  }
}
