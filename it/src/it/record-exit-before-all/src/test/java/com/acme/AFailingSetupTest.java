package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AFailingSetupTest {
  @BeforeAll
  static void connects() {
    throw new IllegalStateException("no database");
  }

  @Test
  void neverRuns() {
    assertEquals(1, 1);
  }
}
