package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codetracer.junit.RecordOnFailure;
import org.junit.jupiter.api.Test;

/** One passing and one failing test. Run by the tests in their own JVMs. */
@RecordOnFailure
class OneFailureSample {
  @Test
  void totalOfTwo() {
    assertEquals(10, Cart.total(5, 2));
  }

  @Test
  void totalOfFour() {
    int total = Cart.total(5, 4);
    assertEquals(20, total); // fails: Cart loses a unit from 3 on
  }
}
