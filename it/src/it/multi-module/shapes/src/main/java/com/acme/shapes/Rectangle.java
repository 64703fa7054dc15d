package com.acme.shapes;

public record Rectangle(int width, int height) {
  public int area() {
    int area = width * height;
    return area;
  }

  public int perimeter() {
    return width + height;
  }
}
