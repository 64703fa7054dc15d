package com.acme.report;

import com.acme.shapes.Rectangle;
import java.util.List;

public class AreaReport {
  public String format(List<Rectangle> rectangles) {
    int total = 0;
    for (Rectangle rectangle : rectangles) {
      total += rectangle.area();
    }
    return rectangles.size() + " rectangles, total area " + total;
  }
}
