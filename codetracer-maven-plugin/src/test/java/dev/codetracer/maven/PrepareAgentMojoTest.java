package dev.codetracer.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.jvm.AgentOptions;
import dev.codetracer.core.jvm.ValueCodeInlining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareAgentMojoTest {
  /** What keeps the recorder's value code out of the tests' compiled methods (ValueCodeInlining). */
  private static final String VALUE_CODE_OPTIONS = "-XX:CompileCommand=quiet -XX:CompileCommand=dontinline,dev.codetracer.agent.values.*::*"
      + " -XX:CompileCommand=dontinline,dev.codetracer.agent.shaded.core.jvm.ValueEncoder::*";

  @TempDir Path basedir;
  MojoHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = new MojoHarness(basedir);
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  @Test
  void putsTheRecorderInApiModeInFrontOfTheArgLine() throws Exception {
    MavenProject project = harness.project();
    project.getProperties().setProperty("argLine", "-javaagent:/repo/jacoco.jar=destfile=x -Xmx1g");
    PrepareAgentMojo mojo = harness.mojo("prepare-agent", project, new Properties());

    mojo.execute();

    String agentJar = basedir.resolve("repo/codetracer-agent-0.1.0.jar").toString();
    assertThat(project.getProperties().getProperty("argLine"))
        .startsWith("-javaagent:" + agentJar + "=")
        .contains("start=api")
        .endsWith("start=api " + VALUE_CODE_OPTIONS + " -Xss4096k -javaagent:/repo/jacoco.jar=destfile=x -Xmx1g");
  }

  @Test
  void runTwiceItKeepsOneAgent() throws Exception {
    MavenProject project = harness.project();
    harness.<PrepareAgentMojo>mojo("prepare-agent", project, new Properties()).execute();
    harness.<PrepareAgentMojo>mojo("prepare-agent", project, new Properties()).execute();

    String argLine = project.getProperties().getProperty("argLine");
    assertThat(argLine.split("-javaagent:", -1)).hasSize(2);
    assertThat(argLine.split("-Xss", -1)).hasSize(2);
    assertThat(argLine.split(java.util.regex.Pattern.quote(VALUE_CODE_OPTIONS), -1)).as("the options once").hasSize(2);
  }

  @Test
  void aStackSizeTheArgLineSetsIsLeftAsItIs() throws Exception {
    MavenProject project = harness.project();
    project.getProperties().setProperty("argLine", "-Xss2m -Xmx1g");
    harness.<PrepareAgentMojo>mojo("prepare-agent", project, new Properties()).execute();

    assertThat(project.getProperties().getProperty("argLine")).endsWith("start=api " + VALUE_CODE_OPTIONS + " -Xss2m -Xmx1g").containsOnlyOnce("-Xss");
  }

  @Test
  void anArgLineAShellCouldNotSplitIsKeptAsItIs() throws Exception {
    MavenProject project = harness.project();
    project.getProperties().setProperty("argLine", "-Downer=O'Brien -Xmx1g");
    harness.<PrepareAgentMojo>mojo("prepare-agent", project, new Properties()).execute();

    assertThat(project.getProperties().getProperty("argLine")).endsWith("start=api " + VALUE_CODE_OPTIONS + " -Xss4096k -Downer=O'Brien -Xmx1g");
  }

  @Test
  void everyParameterIsADashDProperty() throws Exception {
    MavenProject project = harness.project();
    Properties user = new Properties();
    user.setProperty("codetracer.propertyName", "recorderArgLine");
    user.setProperty("codetracer.includes", "com.acme.*,org.example.Thing");
    user.setProperty("codetracer.excludes", "com.acme.generated.*");
    user.setProperty("codetracer.agentOptions", "depth=3,redact=none");

    harness.<PrepareAgentMojo>mojo("prepare-agent", project, user).execute();

    assertThat(project.getProperties().getProperty("argLine")).isNull();
    assertThat(project.getProperties().getProperty("recorderArgLine"))
        .contains("includes=com.acme.*:org.example.Thing")
        .contains("excludes=com.acme.generated.*")
        .endsWith("start=api,depth=3,redact=none " + VALUE_CODE_OPTIONS + " -Xss4096k");
  }

  @Test
  void aSourceFolderWithACommaReachesTheRecorderUnchanged() throws Exception {
    MavenProject project = harness.project();
    Path generated = Files.createDirectories(basedir.resolve("target/generated,sources"));
    project.addCompileSourceRoot(generated.toString());

    harness.<PrepareAgentMojo>mojo("prepare-agent", project, new Properties()).execute();

    String agent = project.getProperties().getProperty("argLine").split(" ")[0];
    assertThat(AgentOptions.parse(ValueCodeInlining.agentOptionsOf(agent)).sourcepath()).containsExactly(generated);
  }

  @Test
  void anAgentOptionTheRecorderRefusesFailsTheGoalInOneLine() throws Exception {
    MavenProject project = harness.project();
    Properties user = new Properties();
    user.setProperty("codetracer.agentOptions", "dpeth=3");

    assertThatThrownBy(() -> harness.<PrepareAgentMojo>mojo("prepare-agent", project, user).execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("the JVM recorder refuses its options (-Dcodetracer.agentOptions): ")
        .hasMessageContaining("dpeth")
        .hasMessageNotContaining("\n");
    assertThat(project.getProperties().getProperty("argLine")).isNull();
  }

  @Test
  void aSurefireArgLineThatLeavesTheRecorderOutIsWarnedAbout() throws Exception {
    assertThat(warningsWithSurefireArgLine("-Xmx1g")).singleElement().asString().contains("leaves out @{argLine}", "add @{argLine} to it");
    assertThat(warningsWithSurefireArgLine("@{argLine} -Xmx1g")).isEmpty();
  }

  /** What prepare-agent warns about in a project whose Surefire configuration has this argLine. */
  private List<String> warningsWithSurefireArgLine(String argLine) throws Exception {
    MavenProject project = harness.project();
    MojoHarness.configureSurefire(project, "<configuration><argLine>" + argLine + "</argLine></configuration>");
    PrepareAgentMojo mojo = harness.mojo("prepare-agent", project, new Properties());
    List<String> warnings = new ArrayList<>();
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void warn(CharSequence content) {
        warnings.add(content.toString());
      }
    });
    mojo.execute();
    return warnings;
  }

  @Test
  void recordingNoValuesItLeavesTheCompilerAlone() throws Exception {
    MavenProject project = harness.project();
    Properties user = new Properties();
    user.setProperty("codetracer.agentOptions", "values=none");

    harness.<PrepareAgentMojo>mojo("prepare-agent", project, user).execute();

    assertThat(project.getProperties().getProperty("argLine")).endsWith("start=api,values=none -Xss4096k").doesNotContain("CompileCommand");
  }

  @Test
  void skippedItLeavesAnEmptyArgLineSoThatAtArgLineResolves() throws Exception {
    MavenProject project = harness.project();
    Properties user = new Properties();
    user.setProperty("codetracer.skip", "true");

    harness.<PrepareAgentMojo>mojo("prepare-agent", project, user).execute();

    assertThat(project.getProperties().getProperty("argLine")).isEmpty();
  }

  @Test
  void skippedItLeavesAnArgLineSomeoneElseSet() throws Exception {
    MavenProject project = harness.project();
    project.getProperties().setProperty("argLine", "-Xmx1g");
    Properties user = new Properties();
    user.setProperty("codetracer.skip", "true");

    harness.<PrepareAgentMojo>mojo("prepare-agent", project, user).execute();

    assertThat(project.getProperties().getProperty("argLine")).isEqualTo("-Xmx1g");
  }
}
