package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.codetracer.junit.RecordOnFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A failing test whose assertion runs on a thread of JUnit's own. Run by the tests in their own JVMs. */
@RecordOnFailure
class OtherThreadSample {
  @Test
  void totalInTime() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertEquals(20, Cart.total(5, 4)));
  }
}
