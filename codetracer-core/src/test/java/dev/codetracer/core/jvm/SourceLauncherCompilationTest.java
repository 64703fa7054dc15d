package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLauncherCompilationTest {
  @TempDir Path workdir;

  @Test
  void beforeJava22NoOtherSourceFileIsLookedUp() {
    Path source = workdir.resolve("src/app/Main.java");
    assertThat(SourceLauncherCompilation.of(17, source, "app").orElseThrow().javacOptions()).containsExactly("-Xdiags:verbose", "-sourcepath", "");
    assertThat(SourceLauncherCompilation.of(21, source, "elsewhere").orElseThrow().javacOptions())
        .as("the package is not checked against the folders").containsExactly("-Xdiags:verbose", "-sourcepath", "");
  }

  @Test
  void fromJava22TheSourcePathIsTheRootOfTheFilesPackageFolders() {
    assertThat(SourceLauncherCompilation.of(22, workdir.resolve("src/app/Main.java"), "app").orElseThrow().javacOptions())
        .containsSubsequence("-sourcepath", workdir.resolve("src").toString())
        .contains("-Xprefer:source");
    assertThat(SourceLauncherCompilation.of(25, workdir.resolve("multi/App.java"), "").orElseThrow().javacOptions())
        .containsSubsequence("-sourcepath", workdir.resolve("multi").toString());
    assertThat(SourceLauncherCompilation.of(25, workdir.resolve("src/com/acme/Main.java"), "com.acme").orElseThrow().javacOptions())
        .containsSubsequence("-sourcepath", workdir.resolve("src").toString());
  }

  @Test
  void fromJava22DeprecationAndUncheckedWarningsAreShownInFull() {
    assertThat(SourceLauncherCompilation.of(25, workdir.resolve("Main.java"), "").orElseThrow().javacOptions())
        .contains("-Xdiags:verbose", "-Xlint:deprecation", "-Xlint:unchecked", "-Xlint:-options");
    assertThat(SourceLauncherCompilation.of(21, workdir.resolve("Main.java"), "").orElseThrow().javacOptions())
        .doesNotContain("-Xlint:deprecation", "-Xlint:unchecked");
  }

  @Test
  void fromJava22TheNotesThatAProgramUsesPreviewFeaturesAreNotShown() {
    assertThat(SourceLauncherCompilation.of(25, workdir.resolve("Main.java"), "").orElseThrow().javacOptions()).contains("-XDsuppressNotes");
    assertThat(SourceLauncherCompilation.of(17, workdir.resolve("Main.java"), "").orElseThrow().javacOptions()).doesNotContain("-XDsuppressNotes");
  }

  @Test
  void whatTheLauncherRunsDifferentlyIsNotCompiledBeforehand() throws Exception {
    assertThat(SourceLauncherCompilation.of(10, workdir.resolve("Main.java"), "")).as("no source launcher").isEmpty();
    assertThat(SourceLauncherCompilation.of(25, workdir.resolve("src/Main.java"), "app"))
        .as("the launcher refuses a file whose folders are not its package's").isEmpty();
    Files.createDirectories(workdir.resolve("mod"));
    Files.writeString(workdir.resolve("mod/module-info.java"), "module app {}");
    assertThat(SourceLauncherCompilation.of(25, workdir.resolve("mod/app/Main.java"), "app"))
        .as("a modular program runs in a module of its own").isEmpty();
    assertThat(SourceLauncherCompilation.of(17, workdir.resolve("mod/app/Main.java"), "app")).isPresent();
  }
}
