package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codetracer.junit.RecordOnFailure;
import org.junit.jupiter.api.Test;

/** Five failing tests and one passing, for the caps. */
@RecordOnFailure
class ManyFailuresSample {
  @Test
  void fails1() {
    assertEquals(1, 2);
  }

  @Test
  void fails2() {
    assertEquals(1, 2);
  }

  @Test
  void fails3() {
    assertEquals(1, 2);
  }

  @Test
  void fails4() {
    assertEquals(1, 2);
  }

  @Test
  void fails5() {
    assertEquals(1, 2);
  }

  @Test
  void passes() {
    assertEquals(2, 2);
  }
}
