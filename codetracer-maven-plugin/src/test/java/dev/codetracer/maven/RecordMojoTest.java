package dev.codetracer.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.jvm.ValueCodeInlining;
import dev.codetracer.core.testing.StandInRr;
import dev.codetracer.junit.runner.RunnerCommand;
import dev.codetracer.junit.runner.RunnerOptions;
import dev.codetracer.maven.surefire.SurefireConfiguration;
import dev.codetracer.maven.tests.ForkedTestRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordMojoTest {
  @TempDir Path basedir;
  MojoHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = new MojoHarness(basedir);
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private RecordMojo mojo(MavenProject project, String... properties) throws Exception {
    return harness.mojo("record", project, userProperties(properties));
  }

  private static Properties userProperties(String... properties) {
    Properties user = new Properties();
    for (String property : properties) {
      int eq = property.indexOf('=');
      user.setProperty(property.substring(0, eq), property.substring(eq + 1));
    }
    return user;
  }

  private void classFile(String folder, String className) throws Exception {
    Path file = basedir.resolve(folder).resolve(className.replace('.', '/') + ".class");
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[0]);
  }

  @Test
  void defaultsAreDocumentedOnes() throws Exception {
    RecordMojo mojo = mojo(harness.project());
    assertThat(mojo.backend).isEqualTo("jvm");
    assertThat(mojo.keep).isEqualTo("failed");
    assertThat(mojo.export).isFalse();
    assertThat(mojo.register).isTrue();
    assertThat(mojo.failOnTestFailure).isTrue();
    assertThat(mojo.outputDirectory.toPath()).isEqualTo(basedir.resolve("target/codetracer"));
    assertThat(mojo.test).isNull();
  }

  @Test
  void everyOptionIsADashDProperty() throws Exception {
    RecordMojo mojo =
        mojo(harness.project(), "codetracer.backend=rr", "codetracer.keep=all", "codetracer.test=A#b", "codetracer.mainClass=com.acme.App",
            "codetracer.args=1 2", "codetracer.jvmArgs=-Xmx1g", "codetracer.export=true", "codetracer.outputDirectory=" + basedir.resolve("out"),
            "codetracer.register=false", "codetracer.failOnTestFailure=false", "codetracer.jvm=/opt/java/bin/java", "codetracer.rr=/opt/rr/bin/rr",
            "codetracer.includes=com.acme.*", "codetracer.excludes=com.acme.gen.*", "codetracer.agentOptions=depth=3", "codetracer.skip=true");
    assertThat(mojo.backend).isEqualTo("rr");
    assertThat(mojo.keep).isEqualTo("all");
    assertThat(mojo.test).isEqualTo("A#b");
    assertThat(mojo.mainClass).isEqualTo("com.acme.App");
    assertThat(mojo.args).isEqualTo("1 2");
    assertThat(mojo.jvmArgs).isEqualTo("-Xmx1g");
    assertThat(mojo.export).isTrue();
    assertThat(mojo.outputDirectory.toPath()).isEqualTo(basedir.resolve("out"));
    assertThat(mojo.register).isFalse();
    assertThat(mojo.failOnTestFailure).isFalse();
    assertThat(mojo.jvm.toPath()).isEqualTo(Path.of("/opt/java/bin/java"));
    assertThat(mojo.rr.toPath()).isEqualTo(Path.of("/opt/rr/bin/rr"));
    assertThat(mojo.includes).containsExactly("com.acme.*");
    assertThat(mojo.excludes).containsExactly("com.acme.gen.*");
    assertThat(mojo.agentOptions).isEqualTo("depth=3");
    assertThat(mojo.skip).isTrue();
  }

  @Test
  void skipDoesNothing() throws Exception {
    mojo(harness.project(), "codetracer.skip=true", "codetracer.backend=nonsense").execute();
    assertThat(basedir.resolve("target/codetracer")).doesNotExist();
  }

  @Test
  void anUnknownBackendSaysWhichExist() throws Exception {
    RecordMojo mojo = mojo(harness.project(), "codetracer.backend=gdb");
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("unknown backend \"gdb\": use -Dcodetracer.backend=jvm (the default");
  }

  @Test
  void anUnknownKeepSaysWhatToGive() throws Exception {
    RecordMojo mojo = mojo(harness.project(), "codetracer.keep=passed");
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("codetracer.keep is \"passed\": use failed (keep the recordings of failing tests, the default) or all");
  }

  @Test
  void aMainClassThatDoesNotExistFailsWithASuggestion() throws Exception {
    classFile("target/classes", "com.acme.App");
    RecordMojo mojo = mojo(harness.project(), "codetracer.mainClass=App");
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("main class App does not exist in sample's classes or its runtime dependencies (did you mean com.acme.App?):"
            + " give the fully qualified name with -Dcodetracer.mainClass=com.acme.App");
    assertThat(basedir.resolve("target/codetracer")).doesNotExist();

    classFile("target/classes", "org.example.Tool");
    assertThatThrownBy(mojo(harness.project(), "codetracer.mainClass=Tool")::execute)
        .as("the hint names the class found, not an example")
        .hasMessageEndingWith("(did you mean org.example.Tool?): give the fully qualified name with -Dcodetracer.mainClass=org.example.Tool");
  }

  @Test
  void aQualifiedMainClassThatDoesNotExistIsNotAskedToBeQualified() throws Exception {
    RecordMojo mojo = mojo(harness.project(), "codetracer.mainClass=com.acme.app.Shop");
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("main class com.acme.app.Shop does not exist in sample's classes or its runtime dependencies: check its package and name");

    classFile("target/classes", "com.acme.shop.Shop");
    assertThatThrownBy(mojo(harness.project(), "codetracer.mainClass=com.acme.app.Shop")::execute)
        .hasMessageEndingWith("(did you mean com.acme.shop.Shop?): give it with -Dcodetracer.mainClass=com.acme.shop.Shop");
  }

  @Test
  void inAReactorModulesWithoutTheMainClassAreSkippedAndOnlyTheEndFailsWhenNoneHasIt() throws Exception {
    MavenProject parent = MojoHarness.project(basedir, "shop-parent", "pom");
    MavenProject core = MojoHarness.project(basedir.resolve("core"), "core", "jar");
    MavenProject app = MojoHarness.project(basedir.resolve("app"), "app", "jar");
    MavenSession reactor = harness.reactor(List.of(parent, core, app), userProperties("codetracer.mainClass=com.acme.app.Shop"));

    harness.<RecordMojo>mojo("record", reactor, parent).execute();
    harness.<RecordMojo>mojo("record", reactor, core).execute();
    assertThatThrownBy(harness.<RecordMojo>mojo("record", reactor, app)::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("main class com.acme.app.Shop does not exist in any module's classes or runtime dependencies: check its package and name");
    assertThat(basedir.resolve("target/codetracer")).doesNotExist();
    assertThat(basedir.resolve("core/target/codetracer")).doesNotExist();
  }

  @Test
  void inAReactorTheEndSuggestsTheClassesOfThatNameTheModulesHave() throws Exception {
    classFile("app/target/classes", "com.acme.app.Shop");
    MavenProject core = MojoHarness.project(basedir.resolve("core"), "core", "jar");
    MavenProject app = MojoHarness.project(basedir.resolve("app"), "app", "jar");
    MavenSession reactor = harness.reactor(List.of(core, app), userProperties("codetracer.mainClass=Shop"));

    harness.<RecordMojo>mojo("record", reactor, core).execute();
    assertThatThrownBy(harness.<RecordMojo>mojo("record", reactor, app)::execute)
        .hasMessage("main class Shop does not exist in any module's classes or runtime dependencies (did you mean com.acme.app.Shop?):"
            + " give the fully qualified name with -Dcodetracer.mainClass=com.acme.app.Shop");
  }

  @Test
  void inAReactorTheModulesThatHaveTheMainClassThroughADependencyOnTheModuleWithItAreSkipped() throws Exception {
    classFile("core/target/classes", "com.acme.core.Util");
    MavenProject core = MojoHarness.project(basedir.resolve("core"), "core", "jar");
    MavenProject app = dependingOn(MojoHarness.project(basedir.resolve("app"), "app", "jar"), core);
    MavenProject app2 = dependingOn(MojoHarness.project(basedir.resolve("app2"), "app2", "jar"), core);
    MavenSession reactor = harness.reactor(List.of(core, app, app2), userProperties("codetracer.mainClass=com.acme.core.Util", "codetracer.args=1 2"));

    List<String> infos = new ArrayList<>();
    for (MavenProject dependent : List.of(app, app2)) {
      RecordMojo mojo = harness.mojo("record", reactor, dependent);
      mojo.setLog(infoInto(infos));
      mojo.execute();
    }

    assertThat(infos).contains(
        "No main program to record in app: com.acme.core.Util is in the classes of core, which records it",
        "No main program to record in app2: com.acme.core.Util is in the classes of core, which records it");
    assertThat(basedir.resolve("app/target/codetracer")).doesNotExist();
    assertThat(basedir.resolve("app2/target/codetracer")).doesNotExist();
  }

  /** The project with the other's classes folder on its runtime class path, as a reactor gives it. */
  private static MavenProject dependingOn(MavenProject project, MavenProject dependency) {
    Artifact artifact = MojoHarness.artifact(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion(),
        new File(dependency.getBuild().getOutputDirectory()));
    artifact.setScope(Artifact.SCOPE_COMPILE);
    project.setArtifacts(new LinkedHashSet<>(List.of(artifact)));
    return project;
  }

  private static Log infoInto(List<String> infos) {
    return new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        infos.add(content.toString());
      }
    };
  }

  @Test
  void aMainClassIsFoundInDependencyJarsToo() throws Exception {
    Path jar = basedir.resolve("repo/lib.jar");
    Files.createDirectories(jar.getParent());
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.zip.ZipEntry("org/lib/Main.class"));
      out.closeEntry();
    }
    assertThat(MainClassLocator.exists("org.lib.Main", List.of(basedir.resolve("target/classes"), jar))).isTrue();
    assertThat(MainClassLocator.exists("org.lib.Other", List.of(basedir.resolve("target/classes"), jar))).isFalse();
  }

  @Test
  void noTestMatchingTheSelectionFailsBeforeAnyJvmStarts() throws Exception {
    classFile("target/test-classes", "com.acme.CalculatorTest");
    RecordMojo mojo = mojo(harness.project(), "codetracer.test=NoSuchTest");
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("no test matched -Dcodetracer.test=NoSuchTest: give a test class (CalculatorTest), a method");
  }

  @Test
  void surefiresOwnDashDTestSelectsToo() throws Exception {
    classFile("target/test-classes", "com.acme.CalculatorTest");
    assertThatThrownBy(mojo(harness.project(), "test=NoSuchTest")::execute)
        .as("-Dtest is honoured, not ignored")
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("no test matched -Dtest=NoSuchTest");
  }

  @Test
  void aModuleWithoutTestsSaysHowToRecordSomethingElse() throws Exception {
    classFile("target/test-classes", "com.acme.Helper");
    RecordMojo mojo = mojo(harness.project());
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("matches Surefire's includes")
        .hasMessageEndingWith("or record the main program with -Dcodetracer.mainClass=...");
  }

  @Test
  void testsWithoutTheJUnitPlatformAreRefusedWithWhatToAdd() throws Exception {
    classFile("target/test-classes", "com.acme.CalculatorTest");
    RecordMojo mojo = mojo(harness.project());
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("add org.junit.jupiter:junit-jupiter (or, for JUnit 4 tests, org.junit.vintage:junit-vintage-engine)");
  }

  @Test
  void aModuleWhoseSurefireSkipsTestsIsSkipped() throws Exception {
    classFile("target/test-classes", "com.acme.CalculatorTest");
    MavenProject project = harness.project();
    MojoHarness.configureSurefire(project, "<configuration><skipTests>true</skipTests></configuration>");
    mojo(project).execute();
    assertThat(basedir.resolve("target/codetracer-run")).doesNotExist();
  }

  @Test
  void aPomModuleHasNothingToRecord() throws Exception {
    MavenProject project = harness.project();
    project.setPackaging("pom");
    mojo(project).execute();
    assertThat(basedir.resolve("target/codetracer-run")).doesNotExist();
  }

  @Test
  void theTestJvmGetsTheProjectsSurefireSettings() throws Exception {
    Path launcher = basedir.resolve("repo/junit-platform-launcher-1.10.0.jar");
    Path slf4j = basedir.resolve("repo/slf4j-simple.jar");
    Path jupiter = basedir.resolve("repo/junit-jupiter-api.jar");
    MavenProject project = harness.project();
    project.setArtifacts(new java.util.LinkedHashSet<>(List.of(
        MojoHarness.artifact("org.junit.platform", "junit-platform-launcher", "1.10.0", launcher.toFile()),
        MojoHarness.artifact("org.junit.jupiter", "junit-jupiter-api", "5.10.0", jupiter.toFile()),
        MojoHarness.artifact("org.slf4j", "slf4j-simple", "2.0.0", slf4j.toFile()))));
    project.getProperties().setProperty("extraArgs", "-Dlate=yes");
    project.getProperties().setProperty("argLine", "-javaagent:/m2/codetracer-agent-0.1.0.jar=start=api");
    MojoHarness.configureSurefire(project,
        "<configuration>"
            + "<argLine>@{argLine} @{extraArgs} -Da=\"b c\"</argLine>"
            + "<systemPropertyVariables><greeting>hello</greeting></systemPropertyVariables>"
            + "<environmentVariables><APP_MODE>test</APP_MODE></environmentVariables>"
            + "<excludedEnvironmentVariables><e>HOME</e></excludedEnvironmentVariables>"
            + "<workingDirectory>target/work</workingDirectory>"
            + "<additionalClasspathElements><e>/extra/classes</e></additionalClasspathElements>"
            + "<classpathDependencyExcludes><e>org.slf4j:slf4j-simple</e></classpathDependencyExcludes>"
            + "</configuration>");
    RecordMojo mojo = mojo(project, "api.url=http://localhost:8080", "greeting=from the command line");

    ForkedTestRun fork = mojo.forkedTestRun(SurefireConfiguration.of(project));
    String agent = "-javaagent:/plugin/codetracer-agent.jar=start=api";
    RunnerOptions runner = new RunnerOptions().selectClass("com.acme.CalculatorTest").output(basedir.resolve("out")).result(basedir.resolve("r.json"));
    List<String> command = fork.command(agent, runner, "runner.args");
    List<String> arguments = fork.runner(agent, runner).arguments();

    assertThat(command).hasSize(2);
    assertThat(command.get(0)).endsWith("/bin/java");
    Path argumentFile = basedir.resolve("target/codetracer-run/runner.args");
    assertThat(command.get(1)).isEqualTo("@" + argumentFile);
    assertThat(arguments)
        .containsSubsequence(agent, "-Dlate=yes", "-Da=b c", "-Dbasedir=" + basedir, "-Dgreeting=from the command line", "-cp")
        .contains("-Dapi.url=http://localhost:8080")
        .doesNotContain("-Dgreeting=hello")
        .containsSubsequence("-cp", RunnerCommand.joined(fork.classpath()), RunnerCommand.MAIN_CLASS)
        .endsWith(runner.toArguments().toArray(new String[0]))
        .noneMatch(arg -> arg.startsWith("-javaagent:/m2/")) // prepare-agent's agent is replaced by this run's
        .containsSubsequence("-Xss4096k", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC")
        .noneMatch(ValueCodeInlining::isOneOf);
    String classpath = arguments.get(arguments.indexOf("-cp") + 1);
    assertThat(classpath)
        .contains(basedir.resolve("target/test-classes") + ":" + basedir.resolve("target/classes"))
        .contains(jupiter.toString())
        .contains(launcher.toString())
        .contains("/extra/classes")
        .doesNotContain(slf4j.toString());
    assertThat(Files.readString(argumentFile)).contains("\"" + classpath + "\"\n").contains("\"-Da=b c\"\n");
    assertThat(fork.workingDirectory()).isEqualTo(basedir.resolve("target/work"));
    assertThat(fork.environment()).containsEntry("APP_MODE", "test").doesNotContainKey("HOME");
    assertThat(fork.classpath()).as("the runner's jar, not the plugin's").endsWith(harness.stubJar("codetracer-junit-runner"));
  }

  @Test
  void theRunnerSelectsWithTheProjectsIncludesGroupsAndParameters() throws Exception {
    MavenProject project = harness.project();
    MojoHarness.configureSurefire(project,
        "<configuration>"
            + "<includes><include>**/*Check.java</include></includes>"
            + "<excludes><exclude>**/Ignored*</exclude></excludes>"
            + "<groups>fast, smoke &amp; !slow</groups>"
            + "<excludedGroups>flaky</excludedGroups>"
            + "<properties><configurationParameters>junit.jupiter.execution.timeout.default = 5 s</configurationParameters></properties>"
            + "</configuration>");
    RecordMojo mojo = mojo(project, "codetracer.test=SettingsCheck#applies*");

    RunnerOptions runner =
        mojo.runnerOptions(basedir.resolve("target/test-classes"), SurefireConfiguration.of(project), basedir.resolve("out"), basedir.resolve("work"));

    assertThat(runner.scanRoots()).containsExactly(basedir.resolve("target/test-classes"));
    assertThat(runner.testPatterns()).isEqualTo("SettingsCheck#applies*");
    assertThat(runner.includes()).containsExactly("**/*Check.java");
    assertThat(runner.excludes()).containsExactly("**/Ignored*");
    assertThat(runner.includeTags()).containsExactly("fast", "smoke & !slow");
    assertThat(runner.excludeTags()).containsExactly("flaky");
    assertThat(runner.configuration()).containsExactly(Map.entry("junit.jupiter.execution.timeout.default", "5 s"));
    assertThat(runner.result()).isEqualTo(basedir.resolve("work/results.json"));
    assertThat(RunnerOptions.parse(runner.toArguments()).toArguments()).isEqualTo(runner.toArguments());
  }

  @Test
  void theRunnerSelectsWithSurefiresOwnDashDTestWithoutCodetracerTest() throws Exception {
    MavenProject project = harness.project();
    RecordMojo mojo = mojo(project, "test=CalcTest#addsParams");

    RunnerOptions runner =
        mojo.runnerOptions(basedir.resolve("target/test-classes"), SurefireConfiguration.of(project), basedir.resolve("out"), basedir.resolve("work"));

    assertThat(runner.testPatterns()).as("the forked run selects what the scan before it selected").isEqualTo("CalcTest#addsParams");
  }

  @Test
  void codetracerTestWinsOverSurefiresDashDTestInTheRunner() throws Exception {
    MavenProject project = harness.project();
    RecordMojo mojo = mojo(project, "test=CalcTest", "codetracer.test=GreetingTest");

    RunnerOptions runner =
        mojo.runnerOptions(basedir.resolve("target/test-classes"), SurefireConfiguration.of(project), basedir.resolve("out"), basedir.resolve("work"));

    assertThat(runner.testPatterns()).isEqualTo("GreetingTest");
  }

  /** A module with a test class and the JUnit Platform on its test class path (stand-in jars: no test JVM starts). */
  private MavenProject moduleWithATest() throws Exception {
    classFile("target/test-classes", "com.acme.CalculatorTest");
    MavenProject project = harness.project();
    project.setArtifacts(new java.util.LinkedHashSet<>(List.of(
        MojoHarness.artifact("org.junit.platform", "junit-platform-launcher", "1.10.0", basedir.resolve("repo/junit-platform-launcher-1.10.0.jar").toFile()),
        MojoHarness.artifact("org.junit.jupiter", "junit-jupiter-api", "5.10.0", basedir.resolve("repo/junit-jupiter-api.jar").toFile()))));
    return project;
  }

  @Test
  void anRrThatIsNotThereFailsTheBuildWithThePreflightsMessageBeforeAnyTestRuns() throws Exception {
    Path missing = basedir.resolve("no-such-rr");
    RecordMojo mojo = mojo(moduleWithATest(), "codetracer.backend=rr", "codetracer.rr=" + missing);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("cannot record with -Dcodetracer.backend=rr: rr not found at " + missing + " (given with -Dcodetracer.rr): point -Dcodetracer.rr at an rr executable");
    assertThat(basedir.resolve("target/codetracer-run/runner.args")).as("the test JVM did not start").doesNotExist();
    assertThat(basedir.resolve("target/codetracer")).doesNotExist();
  }

  @Test
  void rrThatCannotRecordHereFailsTheBuildWithThePreflightsMessageBeforeAnyTestRuns() throws Exception {
    StandInRr rr = StandInRr.create(basedir.resolve("bin"), 1);
    RecordMojo mojo = mojo(moduleWithATest(), "codetracer.backend=rr", "codetracer.rr=" + rr.executable);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .message()
        .startsWith("cannot record with -Dcodetracer.backend=rr: rr at " + rr.executable + " (given with -Dcodetracer.rr) cannot record on this machine: exit status 1")
        .doesNotContain("\n");
    // rr's version, then its probe recording of a trivial program, and nothing else: no test ran under it
    List<List<String>> calls = rr.calls();
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0)).containsExactly("--version");
    assertThat(calls.get(1).subList(0, 2)).containsExactly("record", "-o");
    assertThat(calls.get(1)).noneMatch(argument -> argument.contains("java"));
    assertThat(basedir.resolve("target/codetracer-run/runner.args")).as("the test JVM did not start").doesNotExist();
    assertThat(basedir.resolve("target/codetracer")).doesNotExist();
  }
}
