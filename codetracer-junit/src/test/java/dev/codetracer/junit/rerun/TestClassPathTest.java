package dev.codetracer.junit.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestClassPathTest {
  @TempDir Path temp;

  private Path jar(String name, String classPath, boolean withClass) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    Path jar = temp.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      if (withClass) {
        jarOut.putNextEntry(new JarEntry("a/B.class"));
        jarOut.write(new byte[] {(byte) 0xca, (byte) 0xfe});
        jarOut.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void aManifestOnlyJarIsReplacedByWhatItNames() throws IOException {
    Path libs = Files.createDirectories(temp.resolve("lib dir"));
    Files.createDirectories(temp.resolve("test-classes"));
    jar("lib dir/a.jar", null, true);
    jar("b.jar", null, true);
    Path booter = jar("surefirebooter123.jar",
        "test-classes/ " + libs.toUri() + "a.jar file:" + temp.resolve("b.jar").toAbsolutePath() + " gone.jar", false);
    Path plain = jar("plain.jar", "other.jar", true);
    List<Path> expanded = TestClassPath.expand(List.of(booter, plain));
    assertThat(expanded)
        .as("what does not exist left out, as the JVM skips it")
        .containsExactly(
            temp.resolve("test-classes"), libs.resolve("a.jar"), temp.resolve("b.jar"), plain);
  }

  @Test
  void thisJvmsClassPathHasTheRunnerAndTheLauncher() {
    List<Path> classPath = TestClassPath.ofThisJvm();
    assertThat(classPath).anyMatch(entry -> entry.toString().contains("junit-platform-launcher"));
    assertThat(classPath).anyMatch(entry -> entry.endsWith(Path.of("target", "classes")) || entry.toString().contains("codetracer-junit"));
    assertThat(classPath).noneMatch(entry -> entry.getFileName().toString().startsWith("surefirebooter"));
  }
}
