package dev.codetracer.core.rr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.record.Recorders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which commands the rr backend claims for {@code --backend auto}, and its registration. */
class RrRecorderChoiceTest {
  @TempDir Path tmp;

  @Test
  void aCompiledProgramIsClaimed() throws Exception {
    Path program = NativeBuild.markerProgram(tmp);
    assertThat(new RrRecorder().handles(List.of(program.toString(), "arg"))).isTrue();
    assertThat(new Recorders(List.of(new RrRecorder())).choose(Recorders.AUTO, List.of(program.toString())).name()).isEqualTo("rr");
  }

  @Test
  void aProgramOnThePathIsClaimedByName() {
    // `sh` is an ELF executable on every Linux this runs on
    assertThat(new RrRecorder().handles(List.of("sh", "-c", "true"))).isTrue();
  }

  @Test
  void javaAndTheJdksOtherLaunchersAreLeftToTheJvmRecorder() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    assertThat(NativeProgram.isElf(java)).isTrue();
    assertThat(new RrRecorder().handles(List.of(java.toString(), "-version"))).isFalse();
    Path jar = Path.of(System.getProperty("java.home"), "bin", "jar");
    if (Files.exists(jar)) {
      assertThat(new RrRecorder().handles(List.of(jar.toString()))).isFalse();
    }
  }

  @Test
  void scriptsJarsAndMissingProgramsAreNotClaimed() throws Exception {
    Path script = Files.writeString(tmp.resolve("run.sh"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(new RrRecorder().handles(List.of(script.toString()))).isFalse();
    assertThat(new RrRecorder().handles(List.of("no-such-program-4f1c"))).isFalse();
    assertThat(new RrRecorder().handles(List.of())).isFalse();
  }

  @Test
  void theBackendIsRegisteredAsAService() {
    assertThat(Recorders.installed().names()).contains("rr");
  }
}
