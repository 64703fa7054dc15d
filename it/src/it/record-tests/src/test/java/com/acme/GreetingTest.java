package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GreetingTest {
  @Test
  void greetsByName() {
    String name = "Ada";
    String greeting = "Hello, " + name;
    assertEquals("Hello, Ada!", greeting);
  }

  @Test
  void greetsNobody() {
    assertEquals("Hello", "Hel" + "lo");
  }
}
