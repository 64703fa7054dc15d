package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codetracer.junit.RecordOnFailure;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A sample suite: every kind of test, some failing. Run by the tests in their own JVMs. */
@RecordOnFailure
class CartSample {
  @Test
  void totalOfOne() {
    assertEquals(7, Cart.total(7, 1));
  }

  @Test
  void totalOfThree() {
    int price = 7;
    int quantity = 3;
    int total = Cart.total(price, quantity);
    assertEquals(21, total); // the failing assertion
  }

  @ParameterizedTest
  @CsvSource({"2, 1, 2", "2, 4, 8", "5, 2, 10"})
  void totals(int price, int quantity, int expected) {
    assertEquals(expected, Cart.total(price, quantity));
  }

  @TestFactory
  Stream<DynamicTest> dynamicTotals() {
    return Stream.of(
        DynamicTest.dynamicTest("one", () -> assertEquals(3, Cart.total(3, 1))),
        DynamicTest.dynamicTest("five", () -> assertEquals(15, Cart.total(3, 5))));
  }

  @Nested
  class Discounts {
    @Test
    void bulkTotal() {
      List<Integer> quantities = List.of(3, 6);
      int sum = 0;
      for (int quantity : quantities) {
        sum += Cart.total(1, quantity);
      }
      assertEquals(9, sum);
    }

    @Test
    void smallTotal() {
      assertEquals(2, Cart.total(1, 2));
    }
  }
}
