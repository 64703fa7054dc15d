package dev.codetracer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The JDKs a test can record programs on: this JVM's (17) and, where installed, Java 25. */
enum Jvm {
  JAVA_17(Path.of(System.getProperty("java.home"), "bin", "java")),
  JAVA_25(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));

  final Path java;

  Jvm(Path java) {
    this.java = java;
  }

  /** Skips the calling test, printing why, when this JDK is not installed (where it is, the test runs). */
  void assumeInstalled() {
    if (!Files.isExecutable(java)) {
      String reason = this + " is not installed (no " + java + ")";
      System.out.println("skipped: " + reason);
      Assumptions.abort(reason);
    }
  }
}
