package dev.codetracer.maven.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The outcomes of one forked run, read from the results file the fork wrote. */
public final class TestRunResults {
  private final List<TestResult> results;

  public TestRunResults(List<TestResult> results) {
    this.results = List.copyOf(results);
  }

  /** Empty when the fork died before writing the file. */
  public static java.util.Optional<TestRunResults> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<TestResult> results = new ArrayList<>();
    for (JsonNode node : root.path("tests")) {
      results.add(TestResult.of(node));
    }
    return java.util.Optional.of(new TestRunResults(results));
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
