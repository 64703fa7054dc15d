package com.acme.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RectangleTest {
  @Test
  void area() {
    assertEquals(12, new Rectangle(3, 4).area());
  }

  @Test
  void perimeter() {
    Rectangle rectangle = new Rectangle(3, 4);
    int perimeter = rectangle.perimeter();
    assertEquals(14, perimeter);
  }
}
