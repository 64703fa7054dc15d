package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.codetracer.junit.RecordOnFailure;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three failing tests, in this order; {@code exitsWhenRunAgain} calls {@code System.exit(3)} in a
 * JVM with {@code -Dsample.exitWhenRunAgain=true} (given to the rerun JVM alone, through {@code
 * codetracer.rerun.jvmArgs}: in the test JVM it would end the whole run).
 */
@RecordOnFailure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExitWhenRunAgainSample {
  @Test
  @Order(1)
  void failsBefore() {
    int total = Cart.total(5, 4);
    assertEquals(20, total);
  }

  @Test
  @Order(2)
  void exitsWhenRunAgain() {
    if (Boolean.getBoolean("sample.exitWhenRunAgain")) {
      int status = 3;
      System.exit(status);
    }
    fail("failed before exiting");
  }

  @Test
  @Order(3)
  void failsAfter() {
    assertEquals(1, 2);
  }
}
