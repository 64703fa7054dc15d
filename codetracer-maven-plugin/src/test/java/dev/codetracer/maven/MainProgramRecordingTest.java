package dev.codetracer.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class MainProgramRecordingTest {
  private static MainProgramRecording run(String args, String jvmArgs) {
    return new MainProgramRecording("com.acme.App", args, jvmArgs, Path.of("/jdk/bin/java"),
        List.of(Path.of("/app/target/classes"), Path.of("/m2/lib.jar")), Path.of("/app"), Map.of(), "jvm", "", Path.of("/app/target/codetracer"),
        false, null, true, null);
  }

  @Test
  void theCommandIsJavaWithTheRuntimeClassPathAndTheArgumentsSplitLikeAShell() throws Exception {
    assertThat(run("7 \"and 5\" 'x y'", "-Xmx256m -Dmode=\"a b\"").command())
        .containsExactly("/jdk/bin/java", "-Xmx256m", "-Dmode=a b", "-cp", "/app/target/classes:/m2/lib.jar", "com.acme.App", "7", "and 5", "x y");
    assertThat(run(null, null).command()).containsExactly("/jdk/bin/java", "-cp", "/app/target/classes:/m2/lib.jar", "com.acme.App");
  }

  @Test
  void unreadableArgumentsSayWhich() {
    assertThatThrownBy(() -> run("\"open", null).command())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("codetracer.args or codetracer.jvmArgs cannot be read: unbalanced \" quote");
  }
}
