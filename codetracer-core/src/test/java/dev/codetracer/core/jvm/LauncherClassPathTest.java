package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherClassPathTest {
  @Test
  void theLastClassPathOptionWins() {
    assertThat(LauncherClassPath.of(List.of("-cp", "a.jar", "-Xmx1g", "-classpath", "b.jar"), Map.of())).isEqualTo("b.jar");
    assertThat(LauncherClassPath.of(List.of("--class-path", "a.jar", "--class-path=c:d"), Map.of("CLASSPATH", "env.jar")))
        .isEqualTo("c:d");
  }

  @Test
  void withoutAnOptionItIsTheEnvironmentsClassPathElseTheWorkingDirectory() {
    assertThat(LauncherClassPath.of(List.of("-Xmx1g"), Map.of("CLASSPATH", "lib/x.jar:cls"))).isEqualTo("lib/x.jar:cls");
    assertThat(LauncherClassPath.of(List.of(), Map.of())).isEqualTo(".");
    assertThat(LauncherClassPath.of(List.of(), Map.of("CLASSPATH", ""))).as("as the JVM reads an empty one").isEqualTo(".");
  }

  @Test
  void theOtherOptionsAreKept() {
    assertThat(LauncherClassPath.withoutClassPathOptions(
            List.of("-cp", "a", "-Xmx1g", "-classpath", "b", "--class-path", "c", "--class-path=d", "--source", "21")))
        .containsExactly("-Xmx1g", "--source", "21");
  }
}
