package dev.codetracer.maven.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.junit.runner.RunJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results of a test JVM that a test ended with System.exit: what the runner's journal says. */
class TestRunResultsTest {
  private static final String HEADER = "{\"format_version\":1,\"recorder\":\"codetracer-agent from (file:/agent.jar)\"}";
  private static final String CALC = "[engine:junit-jupiter]/[class:com.acme.CalcTest]";
  private static final String EXIT = "[engine:junit-jupiter]/[class:com.acme.ExitTest]/[method:exits()]";

  @TempDir Path temp;
  private Path resultFile;
  private Path wordsFolder;
  private Path exitsFolder;

  private void journal(String... lines) throws IOException {
    resultFile = temp.resolve("work/results.json");
    Files.createDirectories(resultFile.getParent());
    Files.write(RunJournal.besides(resultFile), List.of(lines));
  }

  private String wordsFailStarted() throws IOException {
    wordsFolder = Files.createDirectories(temp.resolve("out/CalcTest.wordsFail-0c1d2e3f"));
    return "{\"event\":\"started\",\"unique_id\":\"" + CALC + "/[method:wordsFail()]\",\"display_name\":\"wordsFail()\",\"class\":\"com.acme.CalcTest\","
        + "\"method\":\"wordsFail\",\"recording\":\"" + wordsFolder + "\"}";
  }

  private String wordsFailFinished() {
    return "{\"event\":\"finished\",\"unique_id\":\"" + CALC + "/[method:wordsFail()]\",\"display_name\":\"wordsFail()\",\"class\":\"com.acme.CalcTest\","
        + "\"method\":\"wordsFail\",\"outcome\":\"failed\",\"failure_type\":\"org.opentest4j.AssertionFailedError\","
        + "\"failure_message\":\"expected: <2> but was: <3>\",\"failure_stack\":\"at com.acme.CalcTest.wordsFail(CalcTest.java:12)\","
        + "\"duration_ms\":7,\"recording\":\"" + wordsFolder + "\"}";
  }

  private String exitsStarted(boolean kept) throws IOException {
    exitsFolder = temp.resolve("out/ExitTest.exits-3f9a1c2e");
    if (kept) {
      Files.createDirectories(exitsFolder);
    }
    return "{\"event\":\"started\",\"unique_id\":\"" + EXIT + "\",\"display_name\":\"exits()\",\"class\":\"com.acme.ExitTest\",\"method\":\"exits\","
        + "\"recording\":\"" + exitsFolder + "\"}";
  }

  private TestRunResults read(int status) throws IOException {
    return TestRunResults.readWithJournal(resultFile, status).orElseThrow();
  }

  @Test
  void theTestsThatFinishedBeforeTheJvmExitedAreReportedAndTheRunningOneAsTheOneItExitedIn() throws IOException {
    journal(HEADER, wordsFailStarted(), wordsFailFinished(), exitsStarted(true));

    TestRunResults results = read(3);

    assertThat(results.all()).extracting(TestResult::label).containsExactly("CalcTest.wordsFail", "ExitTest.exits");
    TestResult words = results.all().get(0);
    assertThat(words.failed()).isTrue();
    assertThat(words.recording()).isEqualTo(wordsFolder);
    assertThat(words.metadataFailure().type()).isEqualTo("org.opentest4j.AssertionFailedError");
    TestResult exits = results.all().get(1);
    assertThat(exits.failed()).as("counted as Surefire counts it").isTrue();
    assertThat(exits.recording()).as("the recording the recorder kept as the JVM exited").isEqualTo(exitsFolder);
    assertThat(exits.metadataTest().uniqueId()).isEqualTo(EXIT);
    assertThat(exits.metadataFailure().message()).isEqualTo("the test JVM exited (exit status 3) while this test ran (most likely System.exit)");
    assertThat(results.testsRun()).isEqualTo(2);
    assertThat(results.earlyExit()).hasValueSatisfying(exit -> assertThat(exit.message()).isEqualTo(
        "the test JVM exited (exit status 3) while running ExitTest.exits (most likely System.exit), and the tests after it did not run;"
            + " the results and recordings of those that ran are above"));
  }

  @Test
  void aRunningTestWhoseRecordingWasNotKeptSaysSo() throws IOException {
    journal(HEADER, exitsStarted(false));

    TestResult exits = read(0).all().get(0);

    assertThat(exits.recording()).isNull();
    assertThat(exits.recordingProblem()).isEqualTo("the recorder kept nothing when the JVM exited");
  }

  @Test
  void aJvmThatExitedBetweenTestsNamesTheLastThatFinished() throws IOException {
    journal(HEADER, wordsFailStarted(), wordsFailFinished());

    TestRunResults results = read(3);

    assertThat(results.all()).extracting(TestResult::label).containsExactly("CalcTest.wordsFail");
    assertThat(results.earlyExit()).hasValueSatisfying(exit -> assertThat(exit.message()).startsWith(
        "the test JVM exited (exit status 3) after CalcTest.wordsFail finished, outside any test (most likely System.exit in an @AfterAll,"));
  }

  @Test
  void aLineTheJvmCutOffIsLeftOut() throws IOException {
    String exits = exitsStarted(true);
    journal(HEADER, wordsFailStarted(), wordsFailFinished(), exits.substring(0, exits.length() / 2));

    TestRunResults results = read(3);

    assertThat(results.all()).extracting(TestResult::label).containsExactly("CalcTest.wordsFail");
    assertThat(results.earlyExit()).isPresent();
  }

  @Test
  void aJvmThatExitedAfterTheRunStartedAndBeforeItsFirstTestSaysSo() throws IOException {
    journal(HEADER);

    TestRunResults results = read(6);

    assertThat(results.isEmpty()).isTrue();
    assertThat(results.failures()).isEmpty();
    assertThat(results.earlyExit()).hasValueSatisfying(exit -> assertThat(exit.message()).isEqualTo(
        "the test JVM exited (exit status 6) after the test run started and before its first test"
            + " (System.exit in a static initializer or @BeforeAll?), so no test ran"));
  }

  @Test
  void aJvmThatExitedBeforeItsFirstTestReportsTheFailuresOutsideTestsBeforeIt() throws IOException {
    journal(HEADER, "{\"event\":\"container_failed\",\"unique_id\":\"" + CALC + "\",\"display_name\":\"CalcTest\",\"outcome\":\"failed\","
        + "\"failure_type\":\"java.lang.IllegalStateException\",\"failure_message\":\"no database\",\"failure_stack\":null}");

    TestRunResults results = read(6);

    assertThat(results.failures()).singleElement().satisfies(container -> {
      assertThat(container.container()).isTrue();
      assertThat(container.label()).isEqualTo("CalcTest");
      assertThat(container.failureMessage()).isEqualTo("no database");
    });
    assertThat(results.earlyExit()).hasValueSatisfying(exit -> assertThat(exit.message()).endsWith(
        "so no test ran; before it, CalcTest failed outside any test (see the failures above)"));
  }

  @Test
  void aJvmThatNeverStartedTheRunReportsNothing() throws IOException {
    journal();
    assertThat(TestRunResults.readWithJournal(resultFile, 2)).as("a journal without its header").isEmpty();

    Files.delete(RunJournal.besides(resultFile));
    assertThat(TestRunResults.readWithJournal(resultFile, 2)).as("no journal: the JVM never reached the runner").isEmpty();
  }

  @Test
  void theResultFileOfARunThatEndedWinsOverItsJournal() throws IOException {
    journal(HEADER, wordsFailStarted(), wordsFailFinished(), exitsStarted(true));
    List<String> finished = new ArrayList<>(List.of("{\"format_version\":1,\"tests\":["));
    finished.add(wordsFailFinished().replace("\"event\":\"finished\",", "") + "]}");
    Files.write(resultFile, finished);

    TestRunResults results = read(1);

    assertThat(results.all()).extracting(TestResult::label).containsExactly("CalcTest.wordsFail");
    assertThat(results.earlyExit()).isEmpty();
  }
}
