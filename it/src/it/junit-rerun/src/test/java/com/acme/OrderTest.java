package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.codetracer.junit.RecordOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@RecordOnFailure
class OrderTest {
  @Test
  void totalOfOne() {
    assertEquals(7, Order.total(7, 1));
  }

  @Test
  void totalOfThree() {
    int price = 7;
    int total = Order.total(price, 3);
    assertEquals(21, total);
  }

  /** Fails only the first time; needs the argLine's and Surefire's system properties. */
  @Test
  void failsFirstTime() throws IOException {
    assertEquals("on", System.getProperty("sample.flag"), "-Dsample.flag from the argLine");
    Path marker = Path.of(System.getProperty("sample.marker"));
    if (!Files.exists(marker)) {
      Files.createFile(marker);
      fail("first run");
    }
  }
}
