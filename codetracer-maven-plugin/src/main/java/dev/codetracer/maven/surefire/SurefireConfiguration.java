package dev.codetracer.maven.surefire;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The project's own {@code maven-surefire-plugin} configuration, as {@code mvn test} would use it:
 * the plugin's configuration merged with its {@code default-test} execution's. Values are as the
 * POM gives them after Maven's {@code ${...}} interpolation; Surefire's late {@code @{...}} is
 * left for {@link ArgLine}.
 */
public final class SurefireConfiguration {
  public static final String PLUGIN_KEY = "org.apache.maven.plugins:maven-surefire-plugin";
  private static final String DEFAULT_EXECUTION = "default-test";

  private final Xpp3Dom configuration;

  SurefireConfiguration(Xpp3Dom configuration) {
    this.configuration = configuration == null ? new Xpp3Dom("configuration") : configuration;
  }

  public static SurefireConfiguration of(MavenProject project) {
    Plugin surefire = project.getPlugin(PLUGIN_KEY);
    if (surefire == null) {
      return new SurefireConfiguration(null);
    }
    Xpp3Dom merged = copy((Xpp3Dom) surefire.getConfiguration());
    for (PluginExecution execution : surefire.getExecutions()) {
      if (DEFAULT_EXECUTION.equals(execution.getId()) && execution.getConfiguration() != null) {
        Xpp3Dom executionConfiguration = copy((Xpp3Dom) execution.getConfiguration());
        merged = merged == null ? executionConfiguration : Xpp3Dom.mergeXpp3Dom(executionConfiguration, merged);
      }
    }
    return new SurefireConfiguration(merged);
  }

  private static Xpp3Dom copy(Xpp3Dom dom) {
    return dom == null ? null : new Xpp3Dom(dom);
  }

  /** {@code <argLine>} as written, {@code @{...}} not yet replaced; null when not set. */
  public String argLine() {
    String value = value("argLine");
    return value == null ? null : value.replaceAll("\\s*[\\r\\n\\t]+\\s*", " ");
  }

  /** {@code <systemPropertyVariables>}, after the older {@code <systemProperties>} form. */
  public Map<String, String> systemProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    Xpp3Dom legacy = configuration.getChild("systemProperties");
    if (legacy != null) {
      for (Xpp3Dom child : legacy.getChildren()) {
        Xpp3Dom name = child.getChild("name");
        Xpp3Dom value = child.getChild("value");
        if ("property".equals(child.getName()) && name != null) {
          properties.put(name.getValue(), value == null || value.getValue() == null ? "" : value.getValue());
        } else if (child.getChildCount() == 0) {
          properties.put(child.getName(), child.getValue() == null ? "" : child.getValue());
        }
      }
    }
    properties.putAll(map("systemPropertyVariables"));
    return properties;
  }

  /** {@code <environmentVariables>}. */
  public Map<String, String> environmentVariables() {
    return map("environmentVariables");
  }

  /** {@code <excludedEnvironmentVariables>}: removed from the inherited environment. */
  public List<String> excludedEnvironmentVariables() {
    return list("excludedEnvironmentVariables");
  }

  /** {@code <includes>}, empty for Surefire's defaults; an entry may hold several, comma-separated. */
  public List<String> includes() {
    return list("includes");
  }

  public List<String> excludes() {
    return list("excludes");
  }

  /** {@code <workingDirectory>}, or null for the project's base directory. */
  public String workingDirectory() {
    return value("workingDirectory");
  }

  /** {@code <jvm>}: the java executable to fork, or null for the build's own. */
  public String jvm() {
    return value("jvm");
  }

  public List<String> additionalClasspathElements() {
    return list("additionalClasspathElements");
  }

  /** {@code <classpathDependencyExcludes>}: {@code groupId:artifactId} left off the class path. */
  public List<String> classpathDependencyExcludes() {
    return list("classpathDependencyExcludes");
  }

  /** {@code <groups>}: JUnit 5 tags (or a tag expression) to run. */
  public String groups() {
    return value("groups");
  }

  public String excludedGroups() {
    return value("excludedGroups");
  }

  /**
   * {@code <properties><configurationParameters>}: JUnit Platform configuration parameters, one
   * {@code key = value} per line.
   */
  public Map<String, String> configurationParameters() {
    Xpp3Dom properties = configuration.getChild("properties");
    Xpp3Dom parameters = properties == null ? null : properties.getChild("configurationParameters");
    Map<String, String> out = new LinkedHashMap<>();
    if (parameters == null || parameters.getValue() == null) {
      return out;
    }
    Properties parsed = new Properties();
    try {
      parsed.load(new StringReader(parameters.getValue()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    parsed.stringPropertyNames().forEach(key -> out.put(key, parsed.getProperty(key)));
    return out;
  }

  /** True when the POM turns the project's tests off ({@code skip}, {@code skipTests}, {@code skipExec}). */
  public boolean skipsTests() {
    return isTrue("skip") || isTrue("skipTests") || isTrue("skipExec");
  }

  /** {@code <forkedProcessTimeoutInSeconds>}: 0 for none. */
  public long forkedProcessTimeoutSeconds() {
    String value = value("forkedProcessTimeoutInSeconds");
    try {
      return value == null ? 0 : Math.max(0, Long.parseLong(value));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public boolean testFailureIgnore() {
    return isTrue("testFailureIgnore");
  }

  private boolean isTrue(String name) {
    return "true".equalsIgnoreCase(value(name));
  }

  private String value(String name) {
    Xpp3Dom child = configuration.getChild(name);
    if (child == null || child.getValue() == null || child.getValue().isBlank()) {
      return null;
    }
    return child.getValue().trim();
  }

  private Map<String, String> map(String name) {
    Map<String, String> map = new LinkedHashMap<>();
    Xpp3Dom parent = configuration.getChild(name);
    if (parent != null) {
      for (Xpp3Dom child : parent.getChildren()) {
        map.put(child.getName(), child.getValue() == null ? "" : child.getValue());
      }
    }
    return map;
  }

  private List<String> list(String name) {
    List<String> list = new ArrayList<>();
    Xpp3Dom parent = configuration.getChild(name);
    if (parent != null) {
      for (Xpp3Dom child : parent.getChildren()) {
        if (child.getValue() == null) {
          continue;
        }
        for (String part : child.getValue().split(",")) {
          if (!part.isBlank()) {
            list.add(part.trim());
          }
        }
      }
    }
    return list;
  }
}
