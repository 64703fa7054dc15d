package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal a runner leaves when its JVM ends in the middle of a test, read back by a JSON parser. */
class PartialRunTest {
  private static final String CLASS_ID = "[engine:junit-jupiter]/[class:com.acme.CalcTest]";

  @TempDir Path temp;

  private static PartialRun read(Path journal) {
    ObjectMapper json = new ObjectMapper();
    try {
      return PartialRun.fromJson(Files.readAllLines(journal).stream().map(line -> parse(json, line)).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<?, ?> parse(ObjectMapper json, String line) {
    try {
      return json.readValue(line, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RunResult.TestResult failed(String method, Path recording) {
    return new RunResult.TestResult(
        CLASS_ID + "/[method:" + method + "()]", method + "()", "com.acme.CalcTest", method, "failed", "org.opentest4j.AssertionFailedError",
        "expected: <1>\nbut was: <2>", "at com.acme.CalcTest." + method + "(CalcTest.java:9)", 12, recording, null, null);
  }

  private static TestDescription description(String method) {
    return new TestDescription(CLASS_ID + "/[method:" + method + "()]", method + "()", "com.acme.CalcTest", method, null);
  }

  @Test
  void aJournalCutOffDuringATestHasTheTestsThatFinishedAndTheOneThatWasRunning() {
    Path result = temp.resolve("work/results.json");
    Path wordsFolder = temp.resolve("out/CalcTest.wordsFail-0c1d2e3f");
    Path exitsFolder = temp.resolve("out/ExitTest.exits-3f9a1c2e");
    RunResult.TestResult words = failed("wordsFail", wordsFolder);
    RunResult.ContainerFailure setup =
        new RunResult.ContainerFailure("[engine:junit-jupiter]/[class:com.acme.DbTest]", "DbTest", "failed", "java.lang.IllegalStateException", "no db", "at x");

    // never closed: what a JVM that exits leaves
    RunJournal journal = RunJournal.create(result, "codetracer-agent from (file:/agent.jar)");
    journal.started(description("wordsFail"), wordsFolder, null);
    journal.finished(words);
    journal.containerFailed(setup);
    journal.started(description("adds"), null, "codetracer.maxRecordings (1) reached, or its first failure was recorded");
    journal.finished(new RunResult.TestResult(CLASS_ID + "/[method:adds()]", "adds()", "com.acme.CalcTest", "adds", "passed", null, null, null, 3, null, null, null));
    journal.started(
        new TestDescription("[engine:junit-jupiter]/[class:com.acme.ExitTest]/[method:exits()]", "exits()", "com.acme.ExitTest", "exits", null), exitsFolder, null);

    PartialRun run = read(RunJournal.besides(result));

    assertThat(run.finished()).extracting(RunResult.TestResult::methodName).containsExactly("wordsFail", "adds");
    assertThat(run.finished().get(0)).isEqualTo(words);
    assertThat(run.containerFailures()).containsExactly(setup);
    assertThat(run.unfinished()).containsExactly(
        new PartialRun.StartedTest("[engine:junit-jupiter]/[class:com.acme.ExitTest]/[method:exits()]", "exits()", "com.acme.ExitTest", "exits", exitsFolder, null));
    assertThat(run.noTestStarted()).isFalse();
  }

  @Test
  void aJournalWithItsHeaderOnlyHadNoTestStarted() {
    Path result = temp.resolve("results.json");
    RunJournal.create(result, "no recorder loaded").close();

    assertThat(read(RunJournal.besides(result)).noTestStarted()).isTrue();
  }

  @Test
  void aNewRunStartsANewJournal() {
    Path result = temp.resolve("results.json");
    try (RunJournal earlier = RunJournal.create(result, "no recorder loaded")) {
      earlier.started(description("wordsFail"), null, null);
    }

    RunJournal.create(result, "no recorder loaded").close();

    assertThat(read(RunJournal.besides(result)).noTestStarted()).isTrue();
  }

  @Test
  void aJournalOfAnotherFormatIsRefused() {
    assertThatThrownBy(() -> PartialRun.fromJson(List.of(Map.of("format_version", 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a run journal of format_version 1 (format_version: 2)");
  }
}
