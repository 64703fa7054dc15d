package dev.codetracer.maven.surefire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ArgLineTest {
  @Test
  void latePropertiesComeFromTheUserThenTheProject() {
    Properties user = new Properties();
    user.setProperty("agent", "-javaagent:user.jar");
    Properties project = new Properties();
    project.setProperty("agent", "-javaagent:project.jar");
    project.setProperty("argLine", "-Xmx1g");
    List<String> unknown = new ArrayList<>();

    String replaced = ArgLine.replaceLateProperties("@{argLine} @{agent} @{missing} -Dfork=${surefire.forkNumber}", user, project, unknown::add);

    assertThat(replaced).isEqualTo("-Xmx1g -javaagent:user.jar  -Dfork=1");
    assertThat(unknown).containsExactly("missing");
  }

  @Test
  void splitsLikeAShell() {
    assertThat(ArgLine.split("-Xmx1g  -Da=\"b c\" '-Dd=e f' -Dg=h\\ i -De=\"q\\\"uote\""))
        .containsExactly("-Xmx1g", "-Da=b c", "-Dd=e f", "-Dg=h i", "-De=q\"uote");
    assertThat(ArgLine.split("")).isEmpty();
    assertThat(ArgLine.split(null)).isEmpty();
    assertThat(ArgLine.split("-Dempty=\"\"")).containsExactly("-Dempty=");
  }

  @Test
  void anUnbalancedQuoteIsRefused() {
    assertThatThrownBy(() -> ArgLine.split("-Da=\"open")).hasMessageContaining("unbalanced \" quote");
  }

  @Test
  void removesOnlyCodetracersAgent() {
    List<String> args =
        List.of(
            "-javaagent:/repo/dev/codetracer/codetracer-agent/0.1.0/codetracer-agent-0.1.0.jar=start=api,includes=com.acme.*",
            "-javaagent:/repo/org/jacoco/org.jacoco.agent-0.8.12-runtime.jar=destfile=target/jacoco.exec",
            "-Xmx1g");
    assertThat(ArgLine.withoutOurAgent(args))
        .containsExactly("-javaagent:/repo/org/jacoco/org.jacoco.agent-0.8.12-runtime.jar=destfile=target/jacoco.exec", "-Xmx1g");
  }
}
