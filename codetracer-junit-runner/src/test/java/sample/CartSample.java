package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A test of every outcome, run by the runner's tests (Surefire's includes leave it out). */
class CartSample {
  @Test
  void adds() {
    assertEquals(2, 1 + 1);
  }

  @Test
  @Tag("slow")
  void addsSlowly() {
    assertEquals(2, 1 + 1);
  }

  @Test
  void fails() {
    assertEquals(21, 14, "the total");
  }

  @Test
  void aborts() {
    assumeTrue(false, "not on this machine");
  }

  @Test
  @Disabled("not today")
  void skipped() {}

  @Nested
  class Discounts {
    @Test
    void bulk() {
      assertEquals(9, 9);
    }
  }
}
