package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestClassPathTest {
  @TempDir Path temp;

  private Path jar(Path jar, String classPath) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream unused = new JarOutputStream(out, manifest)) {
      return jar;
    }
  }

  @Test
  void aSingleJarIsFollowedIntoTheEntriesItsManifestNames() throws IOException {
    Path app = temp.resolve("reactor with spaces/app");
    Path core = temp.resolve("reactor with spaces/core");
    Path testClasses = Files.createDirectories(app.resolve("target/test-classes"));
    Path coreClasses = Files.createDirectories(core.resolve("target/classes"));
    Path library = Files.createFile(temp.resolve("library.jar"));
    Path booter =
        jar(app.resolve("target/surefire/surefirebooter1.jar"),
            "../test-classes/ " + coreClasses.toUri() + " ../../../gone/target/classes/ ../../../../library.jar");

    ManifestClassPath.Expanded expanded = ManifestClassPath.expand(List.of(booter));

    assertThat(coreClasses.toUri().toString()).as("the absolute entry is escaped").contains("%20");
    assertThat(expanded.entries()).containsExactly(booter, testClasses, coreClasses, library);
    assertThat(expanded.problems()).isEmpty();
  }

  @Test
  void aLongerClassPathIsTakenAsItIs() throws IOException {
    Path classes = Files.createDirectories(temp.resolve("target/classes"));
    Path named = jar(temp.resolve("names.jar"), "target/classes/");
    Path plain = jar(temp.resolve("plain.jar"), null);

    assertThat(ManifestClassPath.expand(List.of(named, plain)).entries()).containsExactly(named, plain);
    assertThat(ManifestClassPath.expand(List.of(classes)).entries()).containsExactly(classes);
    assertThat(ManifestClassPath.expand(List.of(plain)).entries()).containsExactly(plain);
  }

  @Test
  void aBrokenManifestOrEntryIsAProblemNotAFailure() throws IOException {
    Path notAJar = Files.writeString(temp.resolve("broken.jar"), "not a zip");
    ManifestClassPath.Expanded unreadable = ManifestClassPath.expand(List.of(notAJar));
    assertThat(unreadable.entries()).containsExactly(notAJar);
    assertThat(unreadable.problems()).singleElement().asString().startsWith(notAJar + ": cannot read its manifest");

    Path classes = Files.createDirectories(temp.resolve("classes"));
    Path odd = jar(temp.resolve("odd.jar"), "nosuchscheme:x classes/ http://example.com/remote.jar");
    ManifestClassPath.Expanded expanded = ManifestClassPath.expand(List.of(odd));
    assertThat(expanded.entries()).containsExactly(odd, classes);
    assertThat(expanded.problems()).singleElement().asString().contains("\"nosuchscheme:x\"");
  }
}
