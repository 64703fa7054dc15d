package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalculatorTest {
  @Test
  void adds() {
    assertEquals(5, new Calculator().add(2, 3));
  }

  @Test
  void dividesExactly() {
    assertEquals(4, new Calculator().divide(8, 2));
  }

  @Test
  void averagesThreeNumbers() {
    Calculator calculator = new Calculator();
    int total = calculator.add(calculator.add(4, 5), 6);
    int average = calculator.divide(total, 4);
    assertEquals(5, average, "the average of 4, 5 and 6");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void halvesEvenNumbers(int number) {
    int half = new Calculator().divide(number, 2);
    assertEquals(number, half * 2);
  }
}
