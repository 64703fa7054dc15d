package dev.codetracer.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** The JDKs the samples run on. */
enum Jvm {
  JAVA_17(Path.of(System.getProperty("java.home"), "bin", "java")),
  JAVA_25(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));

  final Path java;

  Jvm(Path java) {
    this.java = java;
  }

  boolean installed() {
    return Files.isExecutable(java);
  }
}
