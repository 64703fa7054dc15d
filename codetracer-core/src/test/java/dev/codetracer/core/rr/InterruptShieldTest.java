package dev.codetracer.core.rr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** While we ignore Ctrl-C, the programs we start must still die of it. */
class InterruptShieldTest {
  @Test
  void aProgramStartedUnderTheShieldStillDiesOfSigint() throws Exception {
    ToolRun.Result result;
    InterruptShield shield = InterruptShield.raise();
    try {
      // a shell that sends itself SIGINT: it dies of it (128 + 2) unless it inherited "ignore"
      result = ToolRun.run(List.of("/bin/sh", "-c", "kill -INT $$; exit 7"), null, null, null);
    } finally {
      shield.close();
    }
    assertThat(result.exitCode()).isEqualTo(128 + 2);
  }
}
