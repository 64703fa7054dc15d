package dev.codetracer.maven;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.record.ExportFolder;
import dev.codetracer.core.record.RecordingPublisher;
import dev.codetracer.core.record.RecordingSession;
import dev.codetracer.junit.runner.KeepPolicy;
import dev.codetracer.junit.runner.RunJournal;
import dev.codetracer.junit.runner.RunnerOptions;
import dev.codetracer.junit.runner.TestClassScanner;
import dev.codetracer.junit.runner.TestSelection;
import dev.codetracer.maven.surefire.SurefireConfiguration;
import dev.codetracer.maven.tests.EarlyExit;
import dev.codetracer.maven.tests.ForkedTestRun;
import dev.codetracer.maven.tests.LauncherClasspath;
import dev.codetracer.maven.tests.TestResult;
import dev.codetracer.maven.tests.TestRunResults;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * {@code mvn codetracer:record}: compiles the module's main and test code, runs its tests in a
 * forked JVM under the recorder with the test class path and the module's own Surefire settings,
 * keeps the recordings of failing tests (or of all), registers them in the local index, and prints
 * a summary. With {@code -Dcodetracer.mainClass=...} it records a run of the module's main program
 * instead.
 */
@Mojo(name = "record", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class RecordMojo extends AbstractCodeTracerMojo {
  static final String JVM = "jvm";
  static final String RR = "rr";
  /** How a user names the rr executable, as messages about it say. */
  static final String RR_PROPERTY = "-Dcodetracer.rr";
  static final String KEEP_FAILED = "failed";
  static final String KEEP_ALL = "all";

  /** The recorder: {@code jvm} (source level, works everywhere) or {@code rr} (whole JVM, needs hardware counters). */
  @Parameter(property = "codetracer.backend", defaultValue = JVM)
  String backend;

  /** Whose recordings to keep: {@code failed} tests' or {@code all}. */
  @Parameter(property = "codetracer.keep", defaultValue = KEEP_FAILED)
  String keep;

  /**
   * Which tests to run, in Surefire's {@code -Dtest} syntax: {@code Class}, {@code Class#method},
   * {@code Class#m1+m2}, patterns ({@code *Test#should*}), {@code !Excluded}, comma-separated.
   * Without it, the module's Surefire includes and excludes decide.
   */
  @Parameter(property = "codetracer.test")
  String test;

  /**
   * Records a run of this main class (on the runtime class path) instead of the tests. In a
   * multi-module build, the module whose own classes have it records it, once for the build.
   */
  @Parameter(property = "codetracer.mainClass")
  String mainClass;

  /** The main program's arguments, split like a shell would ({@code "a b" c} is two). */
  @Parameter(property = "codetracer.args")
  String args;

  /** JVM options for the main program's run (the tests take Surefire's argLine). */
  @Parameter(property = "codetracer.jvmArgs")
  String jvmArgs;

  /** Also export each recording as a zip beside its folder, ready to keep as a CI artifact. */
  @Parameter(property = "codetracer.export", defaultValue = "false")
  boolean export;

  /** Where recordings go. */
  @Parameter(property = "codetracer.outputDirectory", defaultValue = "${project.build.directory}/codetracer")
  File outputDirectory;

  /** Adds the recordings to the local index ({@code codetracer list} shows them). */
  @Parameter(property = "codetracer.register", defaultValue = "true")
  boolean register;

  /**
   * Fails the build when tests fail (after recording them and printing the summary; in a
   * multi-module build, once, after the last module). Surefire's {@code testFailureIgnore=true}
   * in the POM turns it off too.
   */
  @Parameter(property = "codetracer.failOnTestFailure", defaultValue = "true")
  boolean failOnTestFailure;

  /** The java executable for the forked JVM; default: Surefire's {@code <jvm>}, else the build's. */
  @Parameter(property = "codetracer.jvm")
  File jvm;

  /** The rr executable for {@code backend=rr}; default: {@code rr} on the PATH. */
  @Parameter(property = "codetracer.rr")
  File rr;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
  List<RemoteRepository> remoteRepositories;

  @Component
  RepositorySystem repositorySystem;

  private final Map<String, String> processEnvironment = new LinkedHashMap<>(System.getenv());

  @Override
  protected String goal() {
    return "record";
  }

  @Override
  protected void executeGoal() throws MojoExecutionException, MojoFailureException {
    checkBackend();
    checkKeep();
    ReactorProgress progress = ReactorProgress.of(session);
    if (mainClass != null && !mainClass.isBlank()) {
      recordMainProgram(progress);
    } else {
      recordTests(progress);
    }
    decideAtEnd(progress);
  }

  @Override
  protected void skipped() throws MojoFailureException {
    decideAtEnd(ReactorProgress.of(session));
  }

  // --- checks of the user's input -------------------------------------------------------------

  private void checkBackend() throws MojoFailureException {
    String name = backend == null ? "" : backend.trim().toLowerCase(Locale.ROOT);
    if (!name.equals(JVM) && !name.equals(RR)) {
      throw new MojoFailureException(
          "unknown backend \"" + backend + "\": use -Dcodetracer.backend=jvm (the default, records Java at source level)"
              + " or -Dcodetracer.backend=rr (records the whole JVM, needs rr and hardware performance counters)");
    }
    backend = name;
  }

  private void checkKeep() throws MojoFailureException {
    String value = keep == null ? "" : keep.trim().toLowerCase(Locale.ROOT);
    if (!value.equals(KEEP_FAILED) && !value.equals(KEEP_ALL)) {
      throw new MojoFailureException(
          "codetracer.keep is \"" + keep + "\": use failed (keep the recordings of failing tests, the default) or all");
    }
    keep = value;
  }

  // --- the tests -----------------------------------------------------------------------------

  private void recordTests(ReactorProgress progress) throws MojoExecutionException, MojoFailureException {
    String module = project.getArtifactId();
    if ("pom".equals(project.getPackaging())) {
      getLog().info("No tests to record in " + module + " (packaging pom)");
      return;
    }
    SurefireConfiguration surefire = SurefireConfiguration.of(project);
    if (surefire.skipsTests()) {
      getLog().info("No tests to record in " + module + ": its Surefire configuration skips the tests");
      return;
    }
    TestSelection selection;
    try {
      selection = TestSelection.of(testFilter(), surefire.includes(), surefire.excludes());
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(testFilterName() + "=" + testFilter() + " cannot be read: " + e.getMessage());
    }
    Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
    List<String> classes;
    try {
      classes = TestClassScanner.selectedClasses(testClasses, selection);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list the test classes in " + testClasses + ": " + e.getMessage(), e);
    }
    if (classes.isEmpty()) {
      noTestMatched(progress, module, selection, testClasses, hasNoTestClasses(testClasses));
      return;
    }

    ForkedTestRun fork = forkedTestRun(surefire);
    Path output = outputDirectory.toPath().toAbsolutePath().normalize();
    RunnerOptions runner = runnerOptions(testClasses, surefire, output, fork.workFolder());
    RecordingRegistration registration = registration();
    TestRunResults results;
    List<TestResult> shown;
    if (backend.equals(RR)) {
      List<String> sourceRoots = new ArrayList<>(project.getTestCompileSourceRoots());
      sourceRoots.addAll(project.getCompileSourceRoots());
      RrTestRecording reruns =
          new RrTestRecording(fork, output, rr == null ? null : rr.toPath(), surefire.configurationParameters(), sourceRoots, getLog());
      reruns.checkUsable();
      results = runFork(fork, null, runner.unrecorded());
      shown = reruns.record(results, keep.equals(KEEP_ALL), registration);
    } else {
      String agentArgument = RecorderOptions.javaagent(agentJar(), recorderOptions().add("start", "api").addVerbatim(agentOptions).toString(), false);
      results = runFork(fork, agentArgument, runner.keep(keep.equals(KEEP_ALL) ? KeepPolicy.ALL : KeepPolicy.FAILED));
      shown = new ArrayList<>();
      for (TestResult result : results.all()) {
        shown.add(completeRetained(result, registration));
      }
    }
    Optional<EarlyExit> earlyExit = results.earlyExit();
    if (earlyExit.isPresent() && earlyExit.get().beforeFirstTest()) {
      progress.moduleRan(module, true, 0);
      printFailures(results.failures());
      throw new MojoFailureException(earlyExit.get().message());
    }
    if (results.isEmpty()) {
      noTestMatched(progress, module, selection, testClasses, false);
      return;
    }
    RecordingSummaryTable table = new RecordingSummaryTable(project.getBasedir().toPath().toAbsolutePath().normalize());
    for (TestResult result : shown) {
      if (result.failed() || keep.equals(KEEP_ALL) || result.recording() != null) {
        Long size = result.recording() == null ? null : sizeOf(result.recording());
        table.add(result.label(), result.outcome(), result.recording(), size, result.recordingProblem());
      }
    }
    printSummary(module, results, table);
    int failed = failsOnTestFailure(surefire) ? results.failures().size() : 0;
    progress.moduleRan(module, true, failed);
    if (earlyExit.isPresent()) {
      throw new MojoFailureException(earlyExit.get().message());
    }
    if (failed > 0 && !ReactorProgress.defersToEnd(session)) {
      throw new MojoFailureException(failureMessage(failed, module));
    }
  }

  private TestResult completeRetained(TestResult result, RecordingRegistration registration) {
    if (result.recording() == null) {
      return result;
    }
    try {
      registration.complete(result.recording(), result, "retain", null);
      return result;
    } catch (CodeTracerException e) {
      getLog().warn("the recording of " + result.label() + " is not valid: " + e.getMessage());
      return result.withRecording(null, "the recording is not valid: " + e.getMessage());
    }
  }

  private void noTestMatched(ReactorProgress progress, String module, TestSelection selection, Path testClasses, boolean noTestClasses)
      throws MojoFailureException {
    progress.moduleRan(module, false, 0);
    String what = selection.hasFilter() ? testFilterName() + "=" + selection.filter() : "the Surefire includes";
    if (ReactorProgress.defersToEnd(session)) {
      getLog().info(noTestClasses ? "No tests to record in " + module + " (it has no test classes)" : "No test in " + module + " matches " + what);
      return;
    }
    throw new MojoFailureException(noMatchMessage(selection, testClasses));
  }

  private static boolean hasNoTestClasses(Path testClasses) throws MojoExecutionException {
    try {
      return TestClassScanner.allClasses(testClasses).isEmpty();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list the test classes in " + testClasses + ": " + e.getMessage(), e);
    }
  }

  private String noMatchMessage(TestSelection selection, Path testClasses) {
    if (selection.hasFilter()) {
      return "no test matched " + testFilterName() + "=" + selection.filter()
          + ": give a test class (CalculatorTest), a method (CalculatorTest#divides) or a pattern (*Test#should*)"
          + " that exists under " + testClasses;
    }
    return "no test class in " + testClasses + " matches " + selection
        + ": add tests, select some with -Dcodetracer.test=..., or record the main program with -Dcodetracer.mainClass=...";
  }

  /** In a multi-module build, the last module reports what the whole build found. */
  private void decideAtEnd(ReactorProgress progress) throws MojoFailureException {
    if (!ReactorProgress.defersToEnd(session) || !ReactorProgress.isLast(session, project)) {
      return;
    }
    Map<String, List<String>> mainClassesNowhere = progress.mainClassesFoundNowhere();
    if (!mainClassesNowhere.isEmpty()) {
      Map.Entry<String, List<String>> missing = mainClassesNowhere.entrySet().iterator().next();
      throw new MojoFailureException(mainClassMissingMessage(missing.getKey(), "any module's classes or runtime dependencies", missing.getValue()));
    }
    if (progress.modulesAsked() > 0 && !progress.anyModuleMatched()) {
      String what = testFilter() == null || testFilter().isBlank() ? "the Surefire includes" : testFilterName() + "=" + testFilter();
      throw new MojoFailureException(
          "no test matched " + what + " in any module: give a test class (CalculatorTest), a method (CalculatorTest#divides)"
              + " or a pattern (*Test#should*) that exists in one of the modules");
    }
    if (progress.failedTests() > 0 && failOnTestFailure) {
      throw new MojoFailureException(
          progress.failedTests() + " test(s) failed in " + String.join(", ", progress.failedModules())
              + "; their recordings are listed above (set -Dcodetracer.failOnTestFailure=false to record without failing the build)");
    }
  }

  private boolean failsOnTestFailure(SurefireConfiguration surefire) {
    return failOnTestFailure && !surefire.testFailureIgnore();
  }

  private String failureMessage(int failed, String module) {
    return failed + " test(s) failed in " + module
        + "; their recordings are listed above (set -Dcodetracer.failOnTestFailure=false to record without failing the build)";
  }

  private TestRunResults runFork(ForkedTestRun fork, String agentArgument, RunnerOptions runner)
      throws MojoExecutionException, MojoFailureException {
    try {
      Files.deleteIfExists(runner.result());
      Files.deleteIfExists(RunJournal.besides(runner.result()));
      List<String> command = fork.command(agentArgument, runner, "runner.args");
      getLog().debug("Forked test JVM: " + String.join(" ", fork.runner(agentArgument, runner).arguments()));
      int status = fork.run(command);
      if (status == ForkedTestRun.TIMED_OUT) {
        throw new MojoFailureException(
            "the tests did not finish within Surefire's forkedProcessTimeoutInSeconds (" + fork.timeoutSeconds()
                + " s) and were stopped; raise it, or select fewer tests with -Dcodetracer.test=...");
      }
      Optional<TestRunResults> results = TestRunResults.readWithJournal(runner.result(), status);
      if (results.isEmpty()) {
        throw new MojoFailureException(
            "the forked test JVM ended (exit status " + status + ") without reporting its tests; its output is above."
                + " Check the Surefire argLine and the recorder options (-Dcodetracer.agentOptions, includes, excludes)");
      }
      return results.get();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot run the forked test JVM: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted while the tests ran", e);
    }
  }

  /**
   * The runner picks the same test classes as {@link TestClassScanner} did here (Surefire's
   * includes and excludes, or {@code -Dcodetracer.test}, else {@code -Dtest}) and the methods the
   * filter names.
   */
  RunnerOptions runnerOptions(Path testClasses, SurefireConfiguration surefire, Path output, Path workFolder) {
    RunnerOptions runner = new RunnerOptions().scan(testClasses).output(output).result(workFolder.resolve("results.json"));
    String filter = testFilter();
    if (filter != null && !filter.isBlank()) {
      runner.selectTests(filter);
    }
    surefire.includes().forEach(runner::include);
    surefire.excludes().forEach(runner::exclude);
    tags(surefire.groups()).forEach(runner::includeTag);
    tags(surefire.excludedGroups()).forEach(runner::excludeTag);
    surefire.configurationParameters().forEach(runner::configuration);
    return runner;
  }

  /** Surefire's {@code groups}: tags or tag expressions, comma-separated. */
  private static List<String> tags(String groups) {
    List<String> tags = new ArrayList<>();
    if (groups != null) {
      for (String tag : groups.split(",")) {
        if (!tag.isBlank()) {
          tags.add(tag.trim());
        }
      }
    }
    return tags;
  }

  ForkedTestRun forkedTestRun(SurefireConfiguration surefire) throws MojoExecutionException, MojoFailureException {
    LauncherClasspath launcher =
        new LauncherClasspath(repositorySystem, repositorySession, remoteRepositories, PluginJars.find(pluginArtifactMap, PluginJars.RUNNER));
    return new SurefireFork(project, session, processEnvironment, jvm, launcher, getLog()).forkedTestRun(surefire);
  }

  private RecordingRegistration registration() {
    return new RecordingRegistration(
        new RecordingPublisher(
            register ? RecordingPublisher.Registration.NOW : RecordingPublisher.Registration.NONE,
            LocalRecordings::fromEnvironment,
            export,
            ExportFolder.fromEnvironment(processEnvironment)), getLog());
  }

  private void printSummary(String module, TestRunResults results, RecordingSummaryTable table) {
    getLog().info("");
    getLog().info("CodeTracer recordings of " + module + " (" + results.testsRun() + (results.testsRun() == 1 ? " test run, " : " tests run, ")
        + results.count("failed") + " failed, " + results.count("aborted") + " aborted, " + results.count("skipped") + " skipped):");
    if (table.isEmpty()) {
      getLog().info("  no recordings: every test passed (-Dcodetracer.keep=all keeps them all)");
    } else {
      table.lines().forEach(line -> getLog().info("  " + line));
      table.rows().stream()
          .filter(row -> !row.folder().startsWith("none") && !row.folder().equals("-"))
          .findFirst()
          .ifPresent(row -> getLog().info("Open one with: codetracer run " + row.folder()));
    }
    printFailures(results.failures());
    getLog().info("");
  }

  private void printFailures(List<TestResult> failures) {
    if (!failures.isEmpty()) {
      getLog().error("Failures:");
      for (TestResult failure : failures) {
        String message = failure.failureMessage() == null ? "" : failure.failureMessage().lines().findFirst().orElse("");
        getLog().error("  " + failure.label() + ": " + shortType(failure.failureType()) + (message.isEmpty() ? "" : ": " + message));
      }
    }
  }

  private static String shortType(String type) {
    return type == null ? "failed" : type.substring(type.lastIndexOf('.') + 1);
  }

  private static Long sizeOf(Path folder) {
    try (var files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      return null;
    }
  }

  /** The tests to record: -Dcodetracer.test, else Surefire's own -Dtest, as a user of {@code mvn test -Dtest=...} expects. */
  private String testFilter() {
    return test != null ? test : session.getUserProperties().getProperty("test");
  }

  private String testFilterName() {
    return test != null ? "-Dcodetracer.test" : "-Dtest";
  }

  // --- the main program ----------------------------------------------------------------------

  private void recordMainProgram(ReactorProgress progress) throws MojoExecutionException, MojoFailureException {
    String module = project.getArtifactId();
    if ("pom".equals(project.getPackaging()) && session.getProjects().size() > 1) {
      getLog().info("No main program to record in " + module + " (packaging pom)");
      return;
    }
    List<Path> classpath = new ArrayList<>();
    try {
      project.getRuntimeClasspathElements().forEach(element -> classpath.add(Path.of(element).toAbsolutePath()));
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the runtime class path is not resolved: " + e.getMessage(), e);
    }
    String name = mainClass.trim();
    if (!MainClassLocator.exists(name, classpath)) {
      List<String> similar = MainClassLocator.similar(name, Path.of(project.getBuild().getOutputDirectory()));
      if (ReactorProgress.defersToEnd(session)) {
        progress.mainClassMissing(name, similar);
        getLog().info("No main program to record in " + module + ": " + name + " is not in its classes or its runtime dependencies");
        return;
      }
      throw new MojoFailureException(mainClassMissingMessage(name, module + "'s classes or its runtime dependencies", similar));
    }
    progress.mainClassFound(name);
    Optional<String> recordedElsewhere = ReactorMainClass.recordedElsewhere(name, session, project, progress);
    if (recordedElsewhere.isPresent()) {
      getLog().info("No main program to record in " + module + ": " + recordedElsewhere.get());
      return;
    }
    Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
    MainProgramRecording recording =
        new MainProgramRecording(
            name,
            args,
            jvmArgs,
            SurefireFork.javaExecutable(jvm, SurefireConfiguration.of(project)),
            classpath,
            basedir,
            processEnvironment,
            backend,
            recorderOptions().addVerbatim(agentOptions).toString(),
            outputDirectory.toPath().toAbsolutePath().normalize(),
            export,
            ExportFolder.fromEnvironment(processEnvironment).orElse(null),
            register,
            rr == null ? null : rr.toPath());
    RecordingSession.Result result = recording.record(agentJar());
    result.warnings().forEach(getLog()::warn);
    result.exports().forEach(zip -> getLog().info("Exported " + zip));
    RecordingSummaryTable table = new RecordingSummaryTable(basedir);
    String label = name + (args == null || args.isBlank() ? "" : " " + args.trim());
    table.add(label, "exit " + result.exit().exitCode(), result.folder().path(), result.folder().sizeBytes(), null);
    getLog().info("");
    getLog().info("CodeTracer recording of " + module + "'s main program:");
    table.lines().forEach(line -> getLog().info("  " + line));
    getLog().info("Open it with: codetracer run " + table.rows().get(0).folder());
    getLog().info("");
    if (result.exit().exitCode() != 0) {
      getLog().warn(name + " ended with exit code " + result.exit().exitCode() + "; the recording shows why");
    }
  }

  /** Suggests the classes of that simple name that were found, else a qualified name unless one was given. */
  private static String mainClassMissingMessage(String name, String where, List<String> similar) {
    String message = "main class " + name + " does not exist in " + where;
    boolean qualified = name.contains(".");
    if (!similar.isEmpty()) {
      return message + " (did you mean " + String.join(" or ", similar) + "?): "
          + (qualified ? "give it with" : "give the fully qualified name with") + " -Dcodetracer.mainClass=" + similar.get(0);
    }
    if (qualified) {
      return message + ": check its package and name";
    }
    return message + ": give the fully qualified name with -Dcodetracer.mainClass=com.acme.App";
  }
}
