package dev.codetracer.maven;

import dev.codetracer.core.jvm.RecordedStacks;
import dev.codetracer.maven.surefire.ArgLine;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Adds the JVM recorder to the project's normal test runs, as JaCoCo's {@code prepare-agent} adds
 * its agent: it puts {@code -javaagent:codetracer-agent.jar=start=api,...} in front of the {@code
 * argLine} property, which Surefire and Failsafe pass to the test JVM, with larger thread stacks
 * ({@code -Xss}, unless the argLine sets a size: recorded frames are larger). Nothing is recorded until a
 * test asks (the agent starts in {@code api} mode): {@code @RecordOnFailure} tests then record in
 * {@code retain} mode during a plain {@code mvn test}.
 *
 * <p>When the project configures its own {@code <argLine>}, it must include {@code @{argLine}}
 * (late replacement), as with JaCoCo.
 */
@Mojo(
    name = "prepare-agent",
    defaultPhase = LifecyclePhase.INITIALIZE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class PrepareAgentMojo extends AbstractCodeTracerMojo {
  /** The property that receives the agent argument; Surefire's and Failsafe's is {@code argLine}. */
  @Parameter(property = "codetracer.propertyName", defaultValue = "argLine")
  String propertyName;

  @Override
  protected void executeGoal() throws MojoExecutionException {
    String agent = RecorderOptions.javaagent(agentJar(), recorderOptions().add("start", "api").addVerbatim(agentOptions).toString(), true);
    String previous = withoutOurAgent(currentValue());
    // recorded frames are larger (RecordedStacks); a size the user chose is left as it is
    boolean userStack = RecordedStacks.setsStackSize(List.of(previous.replace("\"", "").replace("'", "").split("\\s+")));
    String value = agent + (userStack ? "" : " " + RecordedStacks.option(List.of())) + (previous.isEmpty() ? "" : " " + previous);
    project.getProperties().setProperty(propertyName, value.trim());
    getLog().info(propertyName + " set to " + value.trim());
  }

  /** Skipped, the property still exists (empty when nobody set it), so {@code @{argLine}} resolves. */
  @Override
  protected void skipped() {
    if (project.getProperties().getProperty(propertyName) == null) {
      project.getProperties().setProperty(propertyName, "");
    }
  }

  private String currentValue() {
    String user = session.getUserProperties().getProperty(propertyName);
    String value = user != null ? user : project.getProperties().getProperty(propertyName, "");
    return value.trim();
  }

  /** Running the goal twice (or after another plugin copied the property) keeps one agent. */
  private static String withoutOurAgent(String argLine) {
    StringBuilder kept = new StringBuilder();
    for (String arg : argLine.split("\\s+")) {
      if (!ArgLine.isOurAgent(arg.replace("\"", ""))) {
        kept.append(kept.length() == 0 ? "" : " ").append(arg);
      }
    }
    return kept.toString();
  }
}
