package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** No @RecordOnFailure: recorded only when auto-detection is on and codetracer.all=true. */
class UnannotatedSample {
  @Test
  void fails() {
    assertEquals(21, Cart.total(7, 3));
  }

  @Test
  void passes() {
    assertEquals(7, Cart.total(7, 1));
  }
}
