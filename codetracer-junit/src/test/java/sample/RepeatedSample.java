package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codetracer.junit.RecordOnFailure;
import org.junit.jupiter.api.RepeatedTest;

/** A retried test that fails every time: only its first failure is recorded. */
@RecordOnFailure
class RepeatedSample {
  @RepeatedTest(3)
  void alwaysWrong() {
    assertEquals(30, Cart.total(10, 3));
  }
}
