package dev.codetracer.maven.tests;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.codetracer.junit.runner.RunResult;
import dev.codetracer.junit.runner.RunResultFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The outcomes of one forked run, read from the result file the runner wrote. */
public final class TestRunResults {
  private final List<TestResult> results;

  public TestRunResults(List<TestResult> results) {
    this.results = List.copyOf(results);
  }

  /** Empty when the fork died before writing the file. */
  public static Optional<TestRunResults> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    RunResult run;
    try {
      run = RunResultFile.fromJson(JSON.std.mapFrom(file.toFile()));
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<TestResult> results = new ArrayList<>();
    run.tests().forEach(test -> results.add(TestResult.of(test)));
    run.containerFailures().forEach(container -> results.add(TestResult.of(container)));
    return Optional.of(new TestRunResults(results));
  }

  public List<TestResult> all() {
    return results;
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
