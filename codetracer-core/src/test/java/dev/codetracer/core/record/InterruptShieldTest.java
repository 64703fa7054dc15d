package dev.codetracer.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** While we ignore Ctrl-C, the programs we start must still die of it. */
class InterruptShieldTest {
  /** A shell that sends itself SIGINT: it dies of it (128 + 2) unless it inherited "ignore". */
  private static final List<String> SELF_INTERRUPTING_SHELL = List.of("/bin/sh", "-c", "kill -INT $$; exit 7");

  @Test
  void aProgramStartedUnderTheShieldStillDiesOfSigint() throws Exception {
    if (exitCodeOfSelfInterruptingShell() != 128 + 2) {
      // e.g. Maven started as a background job of a non-interactive shell, which ignores SIGINT
      String reason = "this JVM inherited SIGINT as ignored, so no program it starts can die of it";
      System.out.println("InterruptShieldTest skipped: " + reason);
      Assumptions.abort(reason);
    }
    int exitCode;
    try (InterruptShield shield = InterruptShield.raise()) {
      exitCode = exitCodeOfSelfInterruptingShell();
    }
    assertThat(exitCode).isEqualTo(128 + 2);
  }

  private static int exitCodeOfSelfInterruptingShell() throws Exception {
    return new ProcessBuilder(SELF_INTERRUPTING_SHELL).inheritIO().start().waitFor();
  }
}
