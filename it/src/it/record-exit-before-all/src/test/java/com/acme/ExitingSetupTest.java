package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExitingSetupTest {
  @BeforeAll
  static void exits() {
    if (Boolean.getBoolean("exitBeforeAll")) {
      System.exit(6);
    }
  }

  @Test
  void adds() {
    assertEquals(4, 2 + 2);
  }
}
