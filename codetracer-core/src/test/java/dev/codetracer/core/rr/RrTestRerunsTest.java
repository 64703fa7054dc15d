package dev.codetracer.core.rr;

import static dev.codetracer.core.rr.RrTestSupport.cleanEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.record.RecorderUnavailableException;
import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.TestFacts;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import dev.codetracer.core.testing.StandInRr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step both test front ends share: a test run again alone under rr, its keys written, its
 * recording published. The command lines are observed through {@link StandInRr}, which records
 * nothing (these tests prove what is run and what is written around rr, never that a recording
 * was made); the pre-flight runs for real.
 */
class RrTestRerunsTest {
  private static final String UNIQUE_ID = "[engine:junit-jupiter]/[class:com.acme.CartTest]/[method:totalOfThree()]";
  private static final TestFacts.Test TEST = new TestFacts.Test(UNIQUE_ID, "totalOfThree()", "com.acme.CartTest", "totalOfThree", null);
  private static final TestFacts.Failure FAILURE =
      new TestFacts.Failure("org.opentest4j.AssertionFailedError", "expected: <21> but was: <20>", "org.opentest4j.AssertionFailedError: ...");
  private static final String SOURCE =
      "package com.acme;\n\nclass CartTest {\n  @Test\n  void totalOfThree() {\n    int total = Cart.total(7, 3);\n  }\n}\n";

  @TempDir Path tmp;

  private StandInRr rr;
  private Map<String, String> environment;
  private Path java;
  private Path sources;

  /** A JVM that would run the test; the stand-in never starts it, so its outcome is given. */
  private final class FakeJvm implements RrTestReruns.TestJvm {
    final List<String> asked = new ArrayList<>();
    Optional<RrTestReruns.RecordedRun> outcome = Optional.of(new RrTestReruns.RecordedRun("failed", FAILURE.type()));

    @Override
    public Path java() {
      return java;
    }

    @Override
    public List<String> command(String uniqueId, Path resultFile, Path workFolder) throws IOException {
      asked.add(uniqueId + " -> " + resultFile);
      Path arguments = Files.writeString(workFolder.resolve("runner.args"), "--select-unique-id " + uniqueId);
      return List.of(java.toString(), "@" + arguments);
    }

    @Override
    public Optional<RrTestReruns.RecordedRun> outcome(String uniqueId, Path resultFile) {
      return outcome;
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    rr = StandInRr.create(tmp, "rr-stand-in");
    environment = cleanEnvironment();
    environment.put(StandInRr.LOG, rr.log.toString());
    java = Path.of(System.getProperty("java.home"), "bin", "java");
    sources = tmp.resolve("src/test/java");
    NativeBuild.write(sources, "com/acme/CartTest.java", SOURCE);
  }

  private RrTestReruns reruns(FakeJvm jvm, Path rrExecutable) {
    return new RrTestReruns(jvm, rrExecutable, "--rr", tmp, environment, Duration.ofMinutes(1), List.of(tmp.resolve("nowhere"), sources), "front-end");
  }

  @Test
  void oneTestRunsAloneUnderRrRecordThenPackThenItsKeysAndSourceAreWrittenAndItIsPublished() throws Exception {
    FakeJvm jvm = new FakeJvm();
    Path folder = tmp.resolve("out/CartTest.totalOfThree-0000abcd");
    Path work = tmp.resolve("out/.work/1");
    List<Path> published = new ArrayList<>();

    RrTestReruns.Result result =
        reruns(jvm, rr.executable).rerun(new RrTestReruns.Request(TEST, FAILURE, folder, work), f -> {
          published.add(f);
          return List.of("not exported: a test says so");
        });

    assertThat(result.problem()).isNull();
    assertThat(result.folder()).isEqualTo(folder);
    assertThat(result.reproduced()).isTrue();
    assertThat(result.warnings()).containsExactly("not exported: a test says so");
    assertThat(published).containsExactly(folder);
    assertThat(jvm.asked).containsExactly(UNIQUE_ID + " -> " + work.resolve("result.json"));

    Path trace = folder.resolve("rr");
    List<List<String>> calls = new ArrayList<>();
    rr.invocations().forEach(argv -> calls.add(argv.subList(1, argv.size())));
    // the session's pre-flight (version, probe), then the recording itself
    assertThat(calls.get(0)).containsExactly("--version");
    assertThat(calls.get(1).subList(0, 2)).containsExactly("record", "-o");
    assertThat(calls.get(1).get(2)).endsWith("/" + RrProbe.TRACE_DIR_NAME);
    assertThat(calls.subList(2, calls.size()))
        .containsExactly(
            List.of("--version"),
            List.of("record", "-o", trace.toString(), java.toString(), "@" + work.resolve("runner.args")),
            List.of("pack", trace.toString()),
            List.of("sources", trace.toString()),
            List.of("explicit-sources", java.toString()));

    TraceMetadata metadata = TraceMetadataFile.read(folder);
    assertThat(metadata.testId).isEqualTo(UNIQUE_ID);
    assertThat(metadata.testClass).isEqualTo("com.acme.CartTest");
    assertThat(metadata.testMethod).isEqualTo("totalOfThree");
    assertThat(metadata.testOutcome).isEqualTo("failed");
    assertThat(metadata.failureMessage).isEqualTo(FAILURE.message());
    assertThat(metadata.recordMode).isEqualTo("rerun");
    assertThat(metadata.reproduced).isTrue();
    assertThat(metadata.backend).isEqualTo("rr");
    assertThat(metadata.extra()).containsEntry("recorded_by", "front-end");

    Path source = sources.resolve("com/acme/CartTest.java").toAbsolutePath();
    assertThat(folder.resolve("source" + source)).hasContent(SOURCE);
    assertThat(FunctionIndexFile.read(folder))
        .contains(new FunctionIndexEntry("com.acme.CartTest.totalOfThree", "totalOfThree()", source.toString(), 5, true));
    assertThat(work.resolve("rr.log")).exists();
  }

  @Test
  void aRerunThatPassesIsNotReproducedAndKeepsTheOriginalFailure() throws Exception {
    FakeJvm jvm = new FakeJvm();
    jvm.outcome = Optional.of(new RrTestReruns.RecordedRun("passed", null));
    Path folder = tmp.resolve("out/flaky");

    RrTestReruns.Result result = reruns(jvm, rr.executable).rerun(new RrTestReruns.Request(TEST, FAILURE, folder, tmp.resolve("w")), f -> List.of());

    assertThat(result.reproduced()).isFalse();
    TraceMetadata metadata = TraceMetadataFile.read(folder);
    assertThat(metadata.testOutcome).isEqualTo("passed");
    assertThat(metadata.reproduced).isFalse();
    assertThat(metadata.failureType).isEqualTo(FAILURE.type());

    jvm.outcome = Optional.of(new RrTestReruns.RecordedRun("failed", "java.lang.IllegalStateException"));
    RrTestReruns.Result otherFailure =
        reruns(jvm, rr.executable).rerun(new RrTestReruns.Request(TEST, FAILURE, tmp.resolve("out/other"), tmp.resolve("w2")), f -> List.of());
    assertThat(otherFailure.reproduced()).as("a different exception is not the same failure").isFalse();
  }

  @Test
  void aJvmThatRanNothingOrAPublisherThatRefusesLeavesNoRecordingAndSaysWhy() throws Exception {
    FakeJvm jvm = new FakeJvm();
    jvm.outcome = Optional.empty();
    Path folder = tmp.resolve("out/nothing");
    Path work = tmp.resolve("w");

    RrTestReruns.Result result = reruns(jvm, rr.executable).rerun(new RrTestReruns.Request(TEST, FAILURE, folder, work), f -> List.of());

    assertThat(result.recorded()).isFalse();
    assertThat(result.problem()).isEqualTo("the JVM run under rr did not run it (rr's and its output: " + work.resolve("rr.log") + ")");
    assertThat(folder).doesNotExist();

    RrTestReruns.Result refused =
        reruns(new FakeJvm(), rr.executable)
            .rerun(new RrTestReruns.Request(TEST, FAILURE, tmp.resolve("out/refused"), tmp.resolve("w2")), f -> {
              throw new CodeTracerException("over the cap");
            });
    assertThat(refused.recorded()).isFalse();
    assertThat(refused.problem()).isEqualTo("over the cap");
  }

  @Test
  void rrFailingInTheSessionsOwnPreflightIsAProblemOfThatTestOnly() throws Exception {
    environment.put(StandInRr.RECORD_EXIT, "1");
    // the probe fails too, so the session's pre-flight stops it first, with its own message
    RrTestReruns.Result result =
        reruns(new FakeJvm(), rr.executable).rerun(new RrTestReruns.Request(TEST, FAILURE, tmp.resolve("out/f"), tmp.resolve("w")), f -> List.of());

    assertThat(result.recorded()).isFalse();
    assertThat(result.problem()).startsWith("rr at " + rr.executable + " (given with --rr) cannot record on this machine: exit status 1");
    assertThat(tmp.resolve("out/f")).doesNotExist();
  }

  @Test
  void thePreflightOnThisMachine() throws Exception {
    Optional<String> cause = RrTestSupport.whyThisMachineCannotRecord();
    environment.remove(StandInRr.LOG);
    RrTestReruns reruns = reruns(new FakeJvm(), null);
    if (cause.isEmpty()) {
      reruns.checkUsable(); // rr records here: the pre-flight passes
      System.out.println("rr can record on this machine: the pre-flight passed");
      return;
    }
    assertThatThrownBy(reruns::checkUsable)
        .isInstanceOf(RecorderUnavailableException.class)
        .message()
        .contains(cause.get())
        .doesNotContain("\n");
    assertThat(tmp.resolve("rr-preflight-not-created")).doesNotExist();
  }

  @Test
  void theTestsSourceIsFoundOnTheRootsAndItsMethodsLine() throws Exception {
    Path source = sources.resolve("com/acme/CartTest.java");
    assertThat(TestSources.find("com.acme.CartTest$Nested$Deeper", List.of(tmp, sources))).contains(source.toAbsolutePath());
    assertThat(TestSources.find("com.acme.Missing", List.of(sources))).isEmpty();
    assertThat(TestSources.declarationLine(source, "totalOfThree")).isEqualTo(5);
    assertThat(TestSources.declarationLine(source, "total")).as("a call is not a declaration").isZero();

    Path other =
        NativeBuild.write(
            sources,
            "com/acme/Other.java",
            "class Other {\n  int f() { return g(1); }\n  public static Stream<DynamicTest> g(int x) {\n    return null;\n  }\n"
                + "  @ParameterizedTest @CsvSource(\"1\") void h(int a) {}\n}\n");
    assertThat(TestSources.declarationLine(other, "g")).isEqualTo(3);
    assertThat(TestSources.declarationLine(other, "h")).isEqualTo(6);

    assertThat(TestSources.parameterTypes("[engine:junit-jupiter]/[class:A]/[test-template:totals(int, int, int)]/[test-template-invocation:#2]"))
        .isEqualTo("(int, int, int)");
    assertThat(TestSources.parameterTypes("[engine:junit-jupiter]/[class:A]/[test-factory:dyn()]/[dynamic-test:#2]")).isEqualTo("()");
    assertThat(TestSources.parameterTypes("[engine:junit-vintage]/[runner:A]/[test:x(A)]")).isEqualTo("()");
  }
}
