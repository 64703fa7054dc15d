package com.acme.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shapes.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

class AreaReportTest {
  @Test
  void formatsOne() {
    assertEquals("1 rectangles, total area 6", new AreaReport().format(List.of(new Rectangle(2, 3))));
  }

  @Test
  void formatsTwo() {
    String report = new AreaReport().format(List.of(new Rectangle(2, 3), new Rectangle(1, 1)));
    assertEquals("2 rectangles, total area 6", report);
  }
}
