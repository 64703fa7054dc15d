package dev.codetracer.maven.surefire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class SurefireConfigurationTest {
  static Xpp3Dom xml(String text) throws Exception {
    return Xpp3DomBuilder.build(new StringReader(text));
  }

  static MavenProject projectWithSurefire(String configuration, String defaultTestConfiguration) throws Exception {
    MavenProject project = new MavenProject();
    Plugin surefire = new Plugin();
    surefire.setGroupId("org.apache.maven.plugins");
    surefire.setArtifactId("maven-surefire-plugin");
    surefire.setConfiguration(xml(configuration));
    if (defaultTestConfiguration != null) {
      PluginExecution execution = new PluginExecution();
      execution.setId("default-test");
      execution.setConfiguration(xml(defaultTestConfiguration));
      surefire.addExecution(execution);
    }
    project.getBuild().addPlugin(surefire);
    return project;
  }

  @Test
  void readsWhatMvnTestWouldUse() throws Exception {
    SurefireConfiguration surefire =
        SurefireConfiguration.of(
            projectWithSurefire(
                "<configuration>"
                    + "<argLine>@{argLine}\n  -Dx=1</argLine>"
                    + "<systemProperties><property><name>legacy</name><value>old</value></property></systemProperties>"
                    + "<systemPropertyVariables><greeting>hello</greeting><empty/></systemPropertyVariables>"
                    + "<environmentVariables><APP_MODE>test</APP_MODE></environmentVariables>"
                    + "<excludedEnvironmentVariables><excludedEnvironmentVariable>SECRET</excludedEnvironmentVariable></excludedEnvironmentVariables>"
                    + "<includes><include>**/*Check.java, **/*Spec.java</include></includes>"
                    + "<excludes><exclude>**/Ignored*</exclude></excludes>"
                    + "<groups>fast</groups>"
                    + "<properties><configurationParameters>junit.jupiter.displayname.generator.default = x\n a=b</configurationParameters></properties>"
                    + "<workingDirectory>target/work</workingDirectory>"
                    + "<classpathDependencyExcludes><classpathDependencyExclude>org.slf4j:slf4j-simple</classpathDependencyExclude></classpathDependencyExcludes>"
                    + "</configuration>",
                null));

    assertThat(surefire.argLine()).isEqualTo("@{argLine} -Dx=1");
    assertThat(surefire.systemProperties()).containsExactly(
        org.assertj.core.api.Assertions.entry("legacy", "old"),
        org.assertj.core.api.Assertions.entry("greeting", "hello"),
        org.assertj.core.api.Assertions.entry("empty", ""));
    assertThat(surefire.environmentVariables()).containsEntry("APP_MODE", "test");
    assertThat(surefire.excludedEnvironmentVariables()).containsExactly("SECRET");
    assertThat(surefire.includes()).containsExactly("**/*Check.java", "**/*Spec.java");
    assertThat(surefire.excludes()).containsExactly("**/Ignored*");
    assertThat(surefire.groups()).isEqualTo("fast");
    assertThat(surefire.configurationParameters()).containsEntry("junit.jupiter.displayname.generator.default", "x").containsEntry("a", "b");
    assertThat(surefire.workingDirectory()).isEqualTo("target/work");
    assertThat(surefire.classpathDependencyExcludes()).containsExactly("org.slf4j:slf4j-simple");
    assertThat(surefire.skipsTests()).isFalse();
  }

  @Test
  void theDefaultTestExecutionWinsOverThePluginsConfiguration() throws Exception {
    SurefireConfiguration surefire =
        SurefireConfiguration.of(
            projectWithSurefire(
                "<configuration><argLine>-Dfrom=plugin</argLine><testFailureIgnore>false</testFailureIgnore></configuration>",
                "<configuration><argLine>-Dfrom=execution</argLine><skipTests>true</skipTests></configuration>"));
    assertThat(surefire.argLine()).isEqualTo("-Dfrom=execution");
    assertThat(surefire.skipsTests()).isTrue();
    assertThat(surefire.testFailureIgnore()).isFalse();
  }

  @Test
  void aProjectWithoutSurefireConfigurationGetsSurefiresDefaults() {
    SurefireConfiguration surefire = SurefireConfiguration.of(new MavenProject());
    assertThat(surefire.argLine()).isNull();
    assertThat(surefire.includes()).isEmpty();
    assertThat(surefire.systemProperties()).isEmpty();
    assertThat(surefire.skipsTests()).isFalse();
  }
}
