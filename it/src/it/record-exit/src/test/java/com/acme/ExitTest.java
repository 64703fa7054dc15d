package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExitTest {
  @Test
  @Order(1)
  void adds() {
    assertEquals(4, 2 + 2);
  }

  @Test
  @Order(2)
  void addsWrongly() {
    int sum = 2 + 2;
    assertEquals(5, sum, "2 + 2");
  }

  @Test
  @Order(3)
  void exits() {
    int status = 3;
    System.exit(status);
  }

  @Test
  @Order(4)
  void neverRuns() {
    assertEquals(1, 1);
  }
}
