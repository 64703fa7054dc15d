package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkReleaseTest {
  @TempDir Path home;

  @Test
  void theFeatureVersionIsTheReleaseFilesJavaVersion() throws Exception {
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\nJAVA_VERSION=\"25.0.3\"\n");
    assertThat(JdkRelease.featureVersion(home)).hasValue(25);
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"1.8.0_392\"\n");
    assertThat(JdkRelease.featureVersion(home)).hasValue(8);
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"22\"\n");
    assertThat(JdkRelease.featureVersion(home)).hasValue(22);
  }

  @Test
  void aHomeWithoutAReadableVersionHasNone() throws Exception {
    assertThat(JdkRelease.featureVersion(home)).isEqualTo(OptionalInt.empty());
    Files.writeString(home.resolve("release"), "JAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n");
    assertThat(JdkRelease.featureVersion(home)).isEqualTo(OptionalInt.empty());
  }

  @Test
  void thisJvmsHomeGivesItsOwnVersion() {
    assertThat(JdkRelease.featureVersion(Path.of(System.getProperty("java.home")))).hasValue(Runtime.version().feature());
  }
}
