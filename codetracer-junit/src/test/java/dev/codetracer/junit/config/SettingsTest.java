package dev.codetracer.junit.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.junit.runner.KeepPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path workdir;
  private final List<String> problems = new ArrayList<>();

  private Settings read(Map<String, String> values) {
    return Settings.read(key -> Optional.ofNullable(values.get(key)), workdir, problems::add);
  }

  @Test
  void defaultsAreSafe() {
    Settings settings = read(Map.of());
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.all()).isFalse();
    assertThat(settings.mode()).isEqualTo(RecordMode.AUTO);
    assertThat(settings.output()).isEqualTo(workdir.resolve("target/codetracer"));
    assertThat(settings.keep()).isEqualTo(KeepPolicy.FAILED);
    assertThat(settings.index()).isTrue();
    assertThat(settings.export()).isFalse();
    assertThat(settings.maxRecordings()).isEqualTo(10);
    assertThat(settings.maxSizeBytes()).isEqualTo(100L << 20);
    assertThat(settings.rerunTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.rerunJvmArgs()).isEmpty();
    assertThat(settings.java()).isNull();
    assertThat(settings.agentJar()).isNull();
    assertThat(problems).isEmpty();
  }

  @Test
  void theMavenPluginsSkipTurnsTheExtensionOffToo() {
    assertThat(read(Map.of("codetracer.skip", "true")).enabled()).isFalse();
    assertThat(read(Map.of("codetracer.skip", "false")).enabled()).isTrue();
    assertThat(read(Map.of("codetracer.skip", "false", "codetracer.enabled", "false")).enabled()).isFalse();
  }

  @Test
  void readsEveryKey() {
    Settings settings =
        read(
            Map.ofEntries(
                Map.entry("codetracer.enabled", "false"),
                Map.entry("codetracer.all", "TRUE"),
                Map.entry("codetracer.mode", "Rerun"),
                Map.entry("codetracer.output", "build/rec"),
                Map.entry("codetracer.keep", "all"),
                Map.entry("codetracer.index", "false"),
                Map.entry("codetracer.export", "true"),
                Map.entry("codetracer.maxRecordings", "3"),
                Map.entry("codetracer.maxSize", "2g"),
                Map.entry("codetracer.rerun.timeout", "30"),
                Map.entry("codetracer.rerun.jvmArgs", " -Xmx1g  -ea "),
                Map.entry("codetracer.rerun.java", "/opt/jdk/bin/java"),
                Map.entry("codetracer.agent.jar", "agent.jar"),
                Map.entry("codetracer.agent.options", "depth=3")));
    assertThat(settings.enabled()).isFalse();
    assertThat(settings.all()).isTrue();
    assertThat(settings.mode()).isEqualTo(RecordMode.RERUN);
    assertThat(settings.output()).isEqualTo(workdir.resolve("build/rec"));
    assertThat(settings.keep()).isEqualTo(KeepPolicy.ALL);
    assertThat(settings.index()).isFalse();
    assertThat(settings.export()).isTrue();
    assertThat(settings.maxRecordings()).isEqualTo(3);
    assertThat(settings.maxSizeBytes()).isEqualTo(2L << 30);
    assertThat(settings.rerunTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.rerunJvmArgs()).containsExactly("-Xmx1g", "-ea");
    assertThat(settings.java()).isEqualTo(Path.of("/opt/jdk/bin/java"));
    assertThat(settings.agentJar()).isEqualTo(workdir.resolve("agent.jar"));
    assertThat(settings.agentOptions()).isEqualTo("depth=3");
    assertThat(problems).isEmpty();
  }

  @Test
  void aBadValueIsReportedInOneLineAndTheDefaultUsed() {
    Settings settings =
        read(Map.of("codetracer.mode", "always", "codetracer.maxRecordings", "-1", "codetracer.maxSize", "big", "codetracer.export", "yes"));
    assertThat(settings.mode()).isEqualTo(RecordMode.AUTO);
    assertThat(settings.maxRecordings()).isEqualTo(10);
    assertThat(settings.maxSizeBytes()).isEqualTo(100L << 20);
    assertThat(settings.export()).isFalse();
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "codetracer.mode=always is not one of auto, retain, rerun; using auto",
            "codetracer.maxRecordings=-1 is not a whole number from 0 to 100000; using 10",
            "codetracer.maxSize=big is not a size such as 500k, 100m or 2g; using 104857600",
            "codetracer.export=yes is not true or false; using false");
  }

  @Test
  void aGradleProjectGetsBuildCodetracer() throws IOException {
    Files.writeString(workdir.resolve("build.gradle.kts"), "");
    assertThat(read(Map.of()).output()).isEqualTo(workdir.resolve("build/codetracer"));
    Files.writeString(workdir.resolve("pom.xml"), "");
    assertThat(read(Map.of()).output()).isEqualTo(workdir.resolve("target/codetracer"));
  }
}
