package dev.codetracer.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which module of a reactor records the main program: one, whatever depends on it. */
class ReactorMainClassTest {
  @TempDir Path basedir;
  MojoHarness harness;
  MavenProject core;
  MavenProject app;
  MavenProject app2;

  @BeforeEach
  void start() throws Exception {
    harness = new MojoHarness(basedir);
    core = MojoHarness.project(basedir.resolve("core"), "core", "jar");
    app = MojoHarness.project(basedir.resolve("app"), "app", "jar");
    app2 = MojoHarness.project(basedir.resolve("app2"), "app2", "jar");
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private void classFile(MavenProject project, String className) throws Exception {
    Path file = Path.of(project.getBuild().getOutputDirectory()).resolve(className.replace('.', '/') + ".class");
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[0]);
  }

  @Test
  void theModuleWhoseOwnClassesHaveItRecordsItAndTheOthersNameThatModule() throws Exception {
    classFile(core, "com.acme.core.Util");
    MavenSession reactor = harness.reactor(List.of(core, app, app2), new Properties());
    ReactorProgress progress = ReactorProgress.of(reactor);

    assertThat(ReactorMainClass.recordedElsewhere("com.acme.core.Util", reactor, core, progress)).isEmpty();
    assertThat(ReactorMainClass.recordedElsewhere("com.acme.core.Util", reactor, app, progress))
        .hasValue("com.acme.core.Util is in the classes of core, which records it");
    assertThat(ReactorMainClass.recordedElsewhere("com.acme.core.Util", reactor, app2, progress))
        .hasValue("com.acme.core.Util is in the classes of core, which records it");
  }

  @Test
  void aModuleBuiltBeforeTheOneWithTheClassLeavesItToThatOne() throws Exception {
    classFile(app2, "com.acme.app2.Tool");
    MavenSession reactor = harness.reactor(List.of(core, app, app2), new Properties());

    assertThat(ReactorMainClass.recordedElsewhere("com.acme.app2.Tool", reactor, app, ReactorProgress.of(reactor)))
        .hasValue("com.acme.app2.Tool is in the classes of app2, which records it");
  }

  @Test
  void aLibrarysMainClassIsRecordedByTheFirstModuleThatHasIt() throws Exception {
    MavenSession reactor = harness.reactor(List.of(core, app, app2), new Properties());
    ReactorProgress progress = ReactorProgress.of(reactor);

    assertThat(ReactorMainClass.recordedElsewhere("org.lib.Main", reactor, app, progress)).isEmpty();
    assertThat(ReactorMainClass.recordedElsewhere("org.lib.Main", reactor, app2, progress))
        .hasValue("org.lib.Main comes from a dependency, and app, the first module that has it, records it");
  }

  @Test
  void aSingleModuleRecordsWhatItsDependenciesHave() throws Exception {
    classFile(core, "com.acme.core.Util");
    MavenSession build = harness.reactor(List.of(app), new Properties());

    assertThat(ReactorMainClass.recordedElsewhere("com.acme.core.Util", build, app, ReactorProgress.of(build)))
        .as("the classes of a module outside the build do not count")
        .isEmpty();
  }
}
