package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathSourceRootsTest {
  @TempDir Path temp;

  @Test
  void classDirectoriesOfMavenAndGradleProjectsPointAtTheirSources() {
    Path project = temp.resolve("shop");
    assertThat(ClassPathSourceRoots.nextTo(project.resolve("target/classes")))
        .containsExactly(project.resolve("src/main/java"), project.resolve("src"));
    assertThat(ClassPathSourceRoots.nextTo(project.resolve("target/test-classes")))
        .containsExactly(project.resolve("src/test/java"), project.resolve("src"));
    assertThat(ClassPathSourceRoots.nextTo(project.resolve("build/classes/java/integrationTest")))
        .containsExactly(project.resolve("src/integrationTest/java"), project.resolve("src"));
    assertThat(ClassPathSourceRoots.nextTo(project.resolve("lib/app.jar"))).isEmpty();
  }

  @Test
  void aClassFolderOfNoBuildToolsLayoutPointsAtTheSourceFolderBesideIt() {
    Path project = temp.resolve("tool");
    assertThat(ClassPathSourceRoots.nextTo(project.resolve("classes"))).containsExactly(project.resolve("src"));
    assertThat(ClassPathSourceRoots.nextTo(project.resolve("out"))).containsExactly(project.resolve("src"));
    assertThat(ClassPathSourceRoots.nextTo(project.resolve("lib/app.zip"))).isEmpty();
  }

  @Test
  void aTestRunGetsTheExistingFoldersOfItsModuleThenOfTheOthersOnItsClassPath() throws Exception {
    Path app = temp.resolve("build/app");
    Path lib = temp.resolve("build/lib");
    Files.createDirectories(app.resolve("src/test/java"));
    Files.createDirectories(app.resolve("src/main/java"));
    Files.createDirectories(lib.resolve("src/main/java"));
    // lib has no tests, and its test-classes folder is on the class path all the same

    List<Path> roots =
        ClassPathSourceRoots.of(
            app,
            List.of(
                Path.of("target/test-classes"),
                Path.of("target/classes"),
                lib.resolve("target/classes"),
                lib.resolve("target/test-classes"),
                temp.resolve("m2/junit.jar")));

    assertThat(roots)
        .containsExactly(
            app.resolve("src/test/java"), app.resolve("src/main/java"), app.resolve("src"),
            lib.resolve("src/main/java"), lib.resolve("src"));
  }
}
