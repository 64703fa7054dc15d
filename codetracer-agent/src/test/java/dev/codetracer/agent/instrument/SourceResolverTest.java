package dev.codetracer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceResolverTest {
  @TempDir Path project;

  @Test
  void findsSourcesByPackageAndSourceFileOnTheRoots() throws IOException {
    Path main = Files.createDirectories(project.resolve("src/main/java/com/acme"));
    Files.writeString(main.resolve("Order.java"), "package com.acme; class Order {}");
    SourceResolver resolver = new SourceResolver(List.of(project.resolve("src/test/java"), project.resolve("src/main/java")));
    SourceResolver.Resolved found = resolver.resolve("com/acme/Order$Line", "Order.java");
    assertThat(found.found()).isTrue();
    assertThat(found.path()).isEqualTo(main.resolve("Order.java").toString());
    SourceResolver.Resolved missing = resolver.resolve("com/acme/Gone", "Gone.java");
    assertThat(missing).isEqualTo(new SourceResolver.Resolved("com/acme/Gone.java", false));
  }

  @Test
  void aFlatSourceFileStillCountsWhenItDeclaresThePackage() throws IOException {
    Files.writeString(project.resolve("Tool.java"), "package org.tools;\nclass Tool {}");
    Files.writeString(project.resolve("Other.java"), "package elsewhere;\nclass Other {}");
    SourceResolver resolver = new SourceResolver(List.of(project));
    assertThat(resolver.resolve("org/tools/Tool", "Tool.java").found()).isTrue();
    assertThat(resolver.resolve("org/tools/Other", "Other.java").found()).isFalse();
  }

  @Test
  void sourceFoldersNextToClassPathDirectories() throws IOException {
    Path classes = Files.createDirectories(project.resolve("target/classes"));
    Path testClasses = Files.createDirectories(project.resolve("target/test-classes"));
    Path gradle = Files.createDirectories(project.resolve("build/classes/java/test"));
    assertThat(SourceResolver.nextTo(classes)).contains(project.resolve("src/main/java"));
    assertThat(SourceResolver.nextTo(testClasses)).contains(project.resolve("src/test/java"));
    assertThat(SourceResolver.nextTo(gradle)).contains(project.resolve("src/test/java"));
    assertThat(SourceResolver.nextTo(project.resolve("app.jar"))).isEmpty();
  }
}
