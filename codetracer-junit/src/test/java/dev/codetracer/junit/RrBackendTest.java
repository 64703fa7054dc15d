package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.testing.StandInRr;
import dev.codetracer.junit.runner.RunResult;
import dev.codetracer.junit.support.RrMachine;
import dev.codetracer.junit.support.RunnerProcess;
import dev.codetracer.junit.support.SampleResult;
import dev.codetracer.junit.support.SampleRun;
import dev.codetracer.junit.support.TestJvms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codetracer.backend=rr} in sample suites run in JVMs of their own: where rr cannot record
 * (the real pre-flight), and the command lines the extension builds, observed through {@link
 * StandInRr}, which runs and records nothing. That a recording is made is {@code
 * RrEndToEndTest}'s, where rr can record.
 */
class RrBackendTest {
  @TempDir Path home;

  private static String newestJunit() {
    List<String> versions = TestJvms.junitVersions();
    return versions.get(versions.size() - 1);
  }

  private SampleRun sample(Path runHome, String className) {
    return SampleRun.of(newestJunit(), runHome).selectClassName(className).property("codetracer.backend", "rr");
  }

  private static void assertNothingLeft(SampleResult result, Path runHome) {
    assertThat(result.recordings()).as("no recording folder").isEmpty();
    if (Files.isDirectory(result.output())) {
      assertThat(result.output().toFile().list()).as("nothing at all in the output folder").isEmpty();
    }
    assertThat(runHome.resolve("xdg/codetracer").resolve(DataDirectory.INDEX_FILE_NAME)).as("no index, so no index row").doesNotExist();
  }

  @Test
  void whereRrCannotRecordTheTestFailsWithItsOwnErrorAndOneLineGivesThePreflightsCause() {
    Optional<String> cause = RrMachine.whyRrCannotRecord();
    if (cause.isEmpty()) {
      String reason = "rr can record on this machine, so its pre-flight does not fail here (RrEndToEndTest records instead)";
      System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + reason);
      Assumptions.assumeTrue(false, reason);
    }
    SampleResult unrecorded = sample(home.resolve("off"), "sample.OneFailureSample").property("codetracer.enabled", "false").run();
    SampleResult recorded = sample(home.resolve("on"), "sample.OneFailureSample").run();

    assertThat(recorded.outcomes()).as(recorded.toString()).isEqualTo(unrecorded.outcomes());
    assertThat(recorded.outcomes())
        .containsEntry("sample.OneFailureSample#totalOfFour()", "failed: org.opentest4j.AssertionFailedError: expected: <20> but was: <15>")
        .containsEntry("sample.OneFailureSample#totalOfTwo()", "passed");
    assertThat(recorded.exitCode()).isEqualTo(unrecorded.exitCode()).isEqualTo(1);
    assertThat(recorded.codetracerLines())
        .as(recorded.toString())
        .containsExactly("codetracer: warning: no recording of OneFailureSample.totalOfFour: codetracer.backend=rr, but " + cause.get());
    assertThat(recorded.stdout() + recorded.stderr()).doesNotContain("perf_event_open").doesNotContain("[FATAL");
    assertNothingLeft(recorded, home.resolve("on"));
  }

  @Test
  void anRrThatIsNotThereIsOneLineForAllTheFailedTests() {
    Path missing = home.resolve("no-such-rr");
    SampleResult unrecorded = sample(home.resolve("off"), "sample.CartSample").property("codetracer.enabled", "false").run();
    SampleResult recorded = sample(home.resolve("on"), "sample.CartSample").property("codetracer.rr", missing.toString()).run();

    assertThat(recorded.outcomes()).as(recorded.toString()).isEqualTo(unrecorded.outcomes());
    assertThat(recorded.exitCode()).isEqualTo(unrecorded.exitCode());
    List<String> lines = recorded.codetracerLines();
    assertThat(lines).as(recorded.toString()).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("codetracer: warning: no recording of CartSample.")
        .contains(" and 1 more failed test: ")
        .endsWith(": codetracer.backend=rr, but rr not found at " + missing + " (given with codetracer.rr): point codetracer.rr at an rr executable");
    // three of the four failed tests by name (in the order they ran), then the count of the rest
    String named = lines.get(0).substring(0, lines.get(0).indexOf(" and 1 more failed test"));
    assertThat(List.of("CartSample.totalOfThree", "CartSample.totals(2, 4, 8)", "CartSample.dynamicTotals[2] \"five\"", "CartSample.Discounts.bulkTotal"))
        .filteredOn(named::contains)
        .hasSize(3);
    assertNothingLeft(recorded, home.resolve("on"));
  }

  @Test
  void eachFailedTestRunsAloneUnrecordedUnderRrRecordAndNothingReachesTheTestOutput() throws Exception {
    StandInRr rr = StandInRr.create(home.resolve("bin"));
    Path runHome = home.resolve("run");
    SampleResult result =
        sample(runHome, "sample.FlakySample")
            .property("codetracer.rr", rr.executable.toString())
            .property("sample.marker", home.resolve("marker").toString())
            .env(StandInRr.LOG, rr.log.toString())
            .env(StandInRr.SAY, "printed under rr")
            .run();

    assertThat(result.outcomes())
        .as(result.toString())
        .containsEntry("sample.FlakySample#failsFirstTime()", "failed: org.opentest4j.AssertionFailedError: first run")
        .containsEntry("sample.FlakySample#failsAlways()", "failed: org.opentest4j.AssertionFailedError: the answer was 42");
    assertThat(result.stdout() + result.stderr()).as("rr's output goes to its log").doesNotContain("printed under rr");

    Path java = TestJvms.java();
    List<List<String>> calls = new ArrayList<>();
    rr.invocations().forEach(argv -> {
      assertThat(argv.get(0)).isEqualTo(rr.executable.toString());
      calls.add(argv.subList(1, argv.size()));
    });
    // the pre-flight once, then per test: the session's pre-flight, then record, pack, sources
    assertThat(calls).as(calls.toString()).hasSize(2 + 2 * 7);
    assertProbe(calls.subList(0, 2));
    List<Path> workFolders = new ArrayList<>();
    for (int test = 0; test < 2; test++) {
      List<List<String>> own = calls.subList(2 + 7 * test, 2 + 7 * (test + 1));
      assertProbe(own.subList(0, 2));
      assertThat(own.get(2)).containsExactly("--version");
      List<String> record = own.get(3);
      assertThat(record).hasSize(5);
      assertThat(record.subList(0, 2)).containsExactly("record", "-o");
      Path trace = Path.of(record.get(2));
      assertThat(trace.getFileName()).hasToString("rr");
      assertThat(trace.getParent().getParent()).isEqualTo(result.output());
      assertThat(trace.getParent().getFileName().toString()).matches("FlakySample\\.fails(FirstTime|Always)-[0-9a-f]{8}");
      assertThat(record.get(3)).isEqualTo(java.toString());
      assertThat(record.get(4)).startsWith("@").endsWith("/runner.args");
      assertThat(own.subList(4, 7))
          .containsExactly(List.of("pack", trace.toString()), List.of("sources", trace.toString()), List.of("explicit-sources", java.toString()));
      workFolders.add(Path.of(record.get(4).substring(1)).getParent());
    }

    // the stand-in ran no JVM, so each test says that, with the log holding what "rr" printed
    List<String> lines = result.codetracerLines();
    assertThat(lines).as(result.toString()).hasSize(2);
    for (Path work : workFolders) {
      Path log = work.resolve("rr.log");
      assertThat(lines).anyMatch(line -> line.endsWith(": the JVM run under rr did not run it (rr's and its output: " + log + ")"));
      assertThat(Files.readAllLines(log)).containsExactlyInAnyOrder("stdout: printed under rr; stdin: /dev/null", "stderr: printed under rr");
    }
    assertThat(result.recordings()).isEmpty();

    // what the command would run: exactly that test, without the JVM recorder
    for (Path work : workFolders) {
      List<String> arguments = Files.readAllLines(work.resolve("runner.args"));
      assertThat(arguments).contains("\"--unrecorded\"", "\"--select-unique-id\"", "\"dev.codetracer.junit.runner.RecordingTestRunner\"");
      assertThat(arguments).noneMatch(argument -> argument.contains("-javaagent"));
      RunResult ran = runArgumentFile(work.resolve("runner.args"));
      assertThat(ran.recorder()).isEqualTo("no recorder loaded");
      assertThat(ran.tests()).hasSize(1);
      String uniqueId = ran.tests().get(0).uniqueId();
      assertThat(uniqueId).isIn(SampleIds.FAILS_FIRST_TIME, SampleIds.FAILS_ALWAYS);
      assertThat(arguments).contains("\"" + uniqueId + "\"");
    }
  }

  @Test
  void codetracerRrInTheEnvironmentNamesTheRrToo() throws Exception {
    StandInRr rr = StandInRr.create(home.resolve("bin"));
    SampleResult result =
        sample(home.resolve("run"), "sample.OneFailureSample")
            .env("CODETRACER_RR", rr.executable.toString())
            .env(StandInRr.LOG, rr.log.toString())
            .run();

    assertThat(result.outcomes()).as(result.toString()).containsEntry("sample.OneFailureSample#totalOfTwo()", "passed");
    assertThat(rr.invocations()).as(result.toString()).hasSize(2 + 7).allSatisfy(argv -> assertThat(argv.get(0)).isEqualTo(rr.executable.toString()));
    assertThat(rr.invocations().get(5).get(1)).isEqualTo("record");
    assertThat(result.codetracerLines()).hasSize(1);
  }

  private static void assertProbe(List<List<String>> calls) {
    assertThat(calls.get(0)).containsExactly("--version");
    assertThat(calls.get(1)).hasSize(4);
    assertThat(calls.get(1).subList(0, 2)).containsExactly("record", "-o");
    assertThat(calls.get(1).get(2)).endsWith("/probe-trace");
    assertThat(calls.get(1).get(3)).isIn("/bin/true", "/usr/bin/true");
  }

  /** Runs the argument file as the stand-in was told to, without rr: {@code java @file} in the module folder. */
  private RunResult runArgumentFile(Path argumentFile) throws IOException, InterruptedException {
    Path result = argumentFile.resolveSibling("result.json");
    Files.deleteIfExists(result);
    Path log = argumentFile.resolveSibling("direct.log");
    ProcessBuilder builder =
        new ProcessBuilder(TestJvms.java().toString(), "@" + argumentFile)
            .directory(TestJvms.moduleDir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("CODETRACER_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().put("XDG_DATA_HOME", home.resolve("xdg").toString());
    Process process = builder.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the runner finished").isTrue();
    assertThat(result).as(Files.readString(log)).isRegularFile();
    return RunnerProcess.result(result);
  }
}
