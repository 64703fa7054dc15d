package dev.codetracer.junit.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RerunAgentOptionsTest {
  @Test
  void theUsersOptionsWinOverTheDefaults() {
    assertThat(RerunAgentOptions.of("", 1024)).isEqualTo("maxBytes=1024,excludes=" + RerunAgentOptions.CODETRACER_LIBRARIES);
    assertThat(RerunAgentOptions.of("depth=3", 1024))
        .isEqualTo("maxBytes=1024,excludes=" + RerunAgentOptions.CODETRACER_LIBRARIES + ",depth=3");
    assertThat(RerunAgentOptions.of("includes=com.acme.*,maxBytes=5m", 1024)).isEqualTo("includes=com.acme.*,maxBytes=5m");
    assertThat(RerunAgentOptions.of("name=a\\,maxBytes=5m", 1024))
        .as("an escaped comma is part of a value")
        .startsWith("maxBytes=1024,");
  }
}
