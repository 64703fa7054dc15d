package com.acme;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** Not matched by the POM's Surefire includes (only *Check): must never run. */
class PlainTest {
  @Test
  void mustNotRun() {
    fail("not included by <includes>, yet it ran");
  }
}
