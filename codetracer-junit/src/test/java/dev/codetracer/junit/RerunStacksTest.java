package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stacks of the JVM that reruns a failed test under the recorder. */
class RerunStacksTest {
  @Test
  void aRerunFromAJvmWithoutTheRecorderGetsStacksSizedForRecording() {
    assertThat(ExtensionRun.stackOptions(List.of("-Xmx1g"), false)).containsExactly("-Xss4096k");
    assertThat(ExtensionRun.stackOptions(List.of("-Xss2m"), false)).containsExactly("-Xss8192k");
  }

  @Test
  void aRerunFromAJvmWithTheRecorderKeepsItsStacksAsTheyAre() {
    // prepare-agent gave the test JVM -Xss4096k: the rerun inherits it, not four times it
    assertThat(ExtensionRun.stackOptions(List.of("-Xss4096k"), true)).isEmpty();
  }
}
