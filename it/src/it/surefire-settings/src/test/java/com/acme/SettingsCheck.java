package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SettingsCheck {
  @Test
  void appliesTheArgLine() {
    assertEquals("yes, quoted", System.getProperty("from.argline"));
    assertEquals("replaced-late", System.getProperty("late.property"));
    assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xss4m"));
  }

  @Test
  void appliesTheSystemProperties() {
    assertEquals("hello from the pom", System.getProperty("greeting"));
    assertTrue(System.getProperty("buildDirectory").endsWith("target"));
  }

  @Test
  void appliesTheCommandLinesProperties() {
    assertEquals("from-the-command-line", System.getProperty("cli.flag"));
  }

  @Test
  void appliesTheEnvironment() {
    assertEquals("test-mode", System.getenv("APP_MODE"));
  }

  @Test
  void runsInTheProjectDirectory() {
    assertEquals(Path.of(System.getProperty("basedir")).toAbsolutePath(), Path.of("").toAbsolutePath());
  }

  @Test
  void failsWithTheSettingsInScope() {
    String greeting = System.getProperty("greeting");
    String mode = System.getenv("APP_MODE");
    String both = greeting + " in " + mode;
    assertEquals("hello", both);
  }
}
