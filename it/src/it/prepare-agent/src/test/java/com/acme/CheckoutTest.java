package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codetracer.junit.RecordOnFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

@RecordOnFailure
class CheckoutTest {
  @Test
  void totalsWithoutDiscount() {
    assertEquals("on", System.getProperty("sample.flag"));
    assertEquals(60, new Checkout().total(List.of(10, 20, 30), 0));
  }

  @Test
  void appliesTheDiscount() {
    int total = new Checkout().total(List.of(10, 20, 30), 15);
    assertEquals(50, total);
  }
}
