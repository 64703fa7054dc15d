package dev.codetracer.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** While we ignore Ctrl-C, the programs we start must still die of it. */
class InterruptShieldTest {
  @Test
  void aProgramStartedUnderTheShieldStillDiesOfSigint() throws Exception {
    int exitCode;
    try (InterruptShield shield = InterruptShield.raise()) {
      // a shell that sends itself SIGINT: it dies of it (128 + 2) unless it inherited "ignore"
      Process shell = new ProcessBuilder(List.of("/bin/sh", "-c", "kill -INT $$; exit 7")).inheritIO().start();
      exitCode = shell.waitFor();
    }
    assertThat(exitCode).isEqualTo(128 + 2);
  }
}
