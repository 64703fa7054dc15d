package dev.codetracer.maven;

import dev.codetracer.core.jvm.AgentOptions;
import dev.codetracer.core.jvm.RecordedStacks;
import dev.codetracer.core.jvm.ValueCodeInlining;
import dev.codetracer.maven.surefire.ArgLine;
import dev.codetracer.maven.surefire.SurefireConfiguration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * ({@code -Xss}, unless the argLine sets a size: recorded frames are larger) and the options that
 * keep the recorder's value code out of the tests' compiled methods ({@link ValueCodeInlining}).
 * Nothing is recorded until a test asks (the agent starts in {@code api} mode): tests annotated
 * {@code @RecordOnFailure} then record in {@code retain} mode during a plain {@code mvn test}.
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
  protected String goal() {
    return "prepare-agent";
  }

  @Override
  protected void executeGoal() throws MojoExecutionException {
    String options = recorderOptions().add("start", "api").addVerbatim(agentOptions).toString();
    try {
      AgentOptions.parse(options);
    } catch (IllegalArgumentException e) {
      // refused here in one line, not by every forked test JVM in Surefire's multi-line crash report
      throw new MojoExecutionException("the JVM recorder refuses its options (-Dcodetracer.agentOptions): " + e.getMessage());
    }
    List<String> value = new ArrayList<>();
    value.add(RecorderOptions.javaagent(agentJar(), options, true));
    value.addAll(ValueCodeInlining.forAgentOptions(options));
    String previous = withoutOurAgent(currentValue());
    // recorded frames are larger (RecordedStacks); a size the user chose is left as it is
    if (!RecordedStacks.setsStackSize(List.of(previous.replace("\"", "").replace("'", "").split("\\s+")))) {
      value.add(RecordedStacks.option(List.of()));
    }
    if (!previous.isEmpty()) {
      value.add(previous);
    }
    String argLine = String.join(" ", value);
    project.getProperties().setProperty(propertyName, argLine);
    getLog().info(propertyName + " set to " + argLine);
    warnWhenSurefireIgnoresIt();
  }

  /** A Surefire {@code <argLine>} of the project's own that leaves the property out runs the tests without the recorder. */
  private void warnWhenSurefireIgnoresIt() {
    String configured = SurefireConfiguration.of(project).argLine();
    if ("argLine".equals(propertyName) && configured != null && !configured.contains("{argLine}")) {
      getLog().warn("maven-surefire-plugin's <argLine> leaves out @{argLine}, so the tests run without the recorder"
          + " (failing tests are run again instead): add @{argLine} to it, as for JaCoCo");
    }
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

  /**
   * Running the goal twice (or after another plugin copied the property) keeps one agent, and one
   * copy of the options that came with it.
   */
  private static String withoutOurAgent(String argLine) {
    String[] args = argLine.split("\\s+");
    boolean ours = Arrays.stream(args).anyMatch(arg -> ArgLine.isOurAgent(arg.replace("\"", "")));
    StringBuilder kept = new StringBuilder();
    for (String arg : args) {
      if (!ArgLine.isOurAgent(arg.replace("\"", "")) && !(ours && ValueCodeInlining.isOneOf(arg))) {
        kept.append(kept.length() == 0 ? "" : " ").append(arg);
      }
    }
    return kept.toString();
  }
}
