package dev.codetracer.maven.tests;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.codetracer.junit.runner.PartialRun;
import dev.codetracer.junit.runner.RunJournal;
import dev.codetracer.junit.runner.RunResult;
import dev.codetracer.junit.runner.RunResultFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcomes of one forked run, read from the result file the runner wrote at its end, or, when
 * the JVM ended before that, from the runner's journal of the tests as they ran.
 */
public final class TestRunResults {
  private final List<TestResult> results;
  private final EarlyExit earlyExit;

  public TestRunResults(List<TestResult> results) {
    this(results, null);
  }

  private TestRunResults(List<TestResult> results, EarlyExit earlyExit) {
    this.results = List.copyOf(results);
    this.earlyExit = earlyExit;
  }

  /** The result file's; empty when there is none (the JVM ended before the end of the run). */
  public static Optional<TestRunResults> read(Path resultFile) throws IOException {
    return Files.isRegularFile(resultFile) ? Optional.of(complete(resultFile)) : Optional.empty();
  }

  /**
   * The result file's, else what the runner's journal says of a JVM that ended during the run.
   *
   * @param exitStatus the JVM's
   * @return empty when the JVM ended before the runner started the run (a bad argLine or agent
   *     option: no journal); a run without tests and with an {@link #earlyExit} when it ended
   *     after the journal's header and before the first test
   */
  public static Optional<TestRunResults> readWithJournal(Path resultFile, int exitStatus) throws IOException {
    Optional<TestRunResults> complete = read(resultFile);
    Path journal = RunJournal.besides(resultFile);
    if (complete.isPresent() || !Files.isRegularFile(journal)) {
      return complete;
    }
    List<Map<String, Object>> lines = PartialRun.parsedLines(journal, JSON.std::mapFrom);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    PartialRun run;
    try {
      run = PartialRun.fromJson(lines);
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot read " + journal + ": " + e.getMessage(), e);
    }
    return Optional.of(partial(run, exitStatus));
  }

  private static TestRunResults complete(Path resultFile) throws IOException {
    RunResult run;
    try {
      run = RunResultFile.fromJson(JSON.std.mapFrom(resultFile.toFile()));
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot read " + resultFile + ": " + e.getMessage(), e);
    }
    List<TestResult> results = new ArrayList<>();
    run.tests().forEach(test -> results.add(TestResult.of(test)));
    run.containerFailures().forEach(container -> results.add(TestResult.of(container)));
    return new TestRunResults(results);
  }

  private static TestRunResults partial(PartialRun run, int exitStatus) {
    List<TestResult> results = new ArrayList<>();
    run.finished().forEach(test -> results.add(TestResult.of(test)));
    TestResult lastFinished = results.isEmpty() ? null : results.get(results.size() - 1);
    TestResult running = null;
    for (PartialRun.StartedTest test : run.unfinished()) {
      TestResult exited = TestResult.exitedDuring(test, exitStatus);
      running = running == null ? exited : running;
      results.add(exited);
    }
    List<TestResult> containers = run.containerFailures().stream().map(TestResult::of).toList();
    results.addAll(containers);
    return new TestRunResults(results, new EarlyExit(exitStatus, running, lastFinished, containers));
  }

  public List<TestResult> all() {
    return results;
  }

  /** Set when the JVM ended before the run did: the results are those of the tests that ran until then. */
  public Optional<EarlyExit> earlyExit() {
    return Optional.ofNullable(earlyExit);
  }

  /** Tests that ran (not skipped), not counting failures outside a test. */
  public long testsRun() {
    return results.stream().filter(r -> !r.container() && !"skipped".equals(r.outcome())).count();
  }

  public long count(String outcome) {
    return results.stream().filter(r -> !r.container() && outcome.equals(r.outcome())).count();
  }

  public List<TestResult> failures() {
    return results.stream().filter(TestResult::failed).toList();
  }

  public boolean isEmpty() {
    return results.stream().noneMatch(r -> !r.container());
  }
}
