package dev.codetracer.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.testing.DefaultSigint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** While we ignore Ctrl-C, the programs we start must still die of it. */
class InterruptShieldTest {
  /** A shell that sends itself SIGINT: it dies of it (128 + 2) unless it inherited "ignore". */
  private static final List<String> SELF_INTERRUPTING_SHELL = List.of("/bin/sh", "-c", "kill -INT $$; exit 7");

  @Test
  void aProgramStartedUnderTheShieldStillDiesOfSigint() throws Exception {
    int exitCode = exitCode(SELF_INTERRUPTING_SHELL) == 128 + 2 ? exitCodeUnderShield() : exitCodeUnderShieldInAFreshJvm();
    assertThat(exitCode).isEqualTo(128 + 2);
  }

  /**
   * This JVM inherited SIGINT as ignored (Maven run as a background job of a non-interactive
   * shell), and so would every program it starts: the check runs in a JVM started with SIGINT at
   * its default, as a JVM started from a terminal has it.
   */
  private static int exitCodeUnderShieldInAFreshJvm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return exitCode(DefaultSigint.command(List.of(java, "-cp", System.getProperty("java.class.path"), UnderShield.class.getName())));
  }

  private static int exitCodeUnderShield() throws Exception {
    try (InterruptShield shield = InterruptShield.raise()) {
      return exitCode(SELF_INTERRUPTING_SHELL);
    }
  }

  private static int exitCode(List<String> command) throws Exception {
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  /** The check as a program of its own: exits with the shell's exit code. */
  static final class UnderShield {
    public static void main(String[] args) throws Exception {
      System.exit(exitCodeUnderShield());
    }
  }
}
