package com.acme;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** Excluded by the POM's Surefire excludes: must never run. */
class IgnoredCheck {
  @Test
  void mustNotRun() {
    fail("excluded by <excludes>, yet it ran");
  }
}
