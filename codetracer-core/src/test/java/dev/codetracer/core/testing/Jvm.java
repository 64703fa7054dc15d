package dev.codetracer.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The JDKs a test can run programs on: this JVM's (17) and, where installed, Java 25. */
public enum Jvm {
  JAVA_17(Path.of(System.getProperty("java.home"), "bin", "java")),
  JAVA_25(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));

  /** Its {@code java} executable. */
  public final Path java;

  Jvm(Path java) {
    this.java = java;
  }

  public boolean installed() {
    return Files.isExecutable(java);
  }

  /** Skips the calling test, printing why, when this JDK is not installed (where it is, the test runs). */
  public void assumeInstalled() {
    if (!installed()) {
      String reason = this + " is not installed (no " + java + ")";
      System.out.println("skipped: " + reason);
      Assumptions.abort(reason);
    }
  }
}
