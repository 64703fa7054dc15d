package dev.codetracer.junit.support;

import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What a sample JVM left: exit code, output, each test's outcome, the recordings. */
public final class SampleResult {
  private final int exitCode;
  private final String stdout;
  private final String stderr;
  private final Path reports;
  private final Path output;

  SampleResult(int exitCode, String stdout, String stderr, Path reports, Path output) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
    this.reports = reports;
    this.output = output;
  }

  /** The data directory of a run whose home was {@code home}. */
  public Path dataDirectoryOrDefault(Path home) {
    return home.resolve("xdg").resolve("codetracer");
  }

  public Path output() {
    return output;
  }

  public int exitCode() {
    return exitCode;
  }

  public String stdout() {
    return stdout;
  }

  public String stderr() {
    return stderr;
  }

  /** Lines of either stream that start with {@code codetracer:}. */
  public List<String> codetracerLines() {
    return Stream.concat(stdout.lines(), stderr.lines())
        .filter(line -> line.startsWith("codetracer: "))
        .collect(Collectors.toList());
  }

  /**
   * Each test's outcome as JUnit's XML report has it: {@code "classname#name" -> "passed"}, or
   * {@code "failed: <type>: <message>"}, or {@code "skipped"}.
   */
  public Map<String, String> outcomes() {
    Map<String, String> outcomes = new TreeMap<>();
    try (Stream<Path> files = Files.list(reports)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".xml")).collect(Collectors.toList())) {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList cases = document.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
          Element testCase = (Element) cases.item(i);
          String key = testCase.getAttribute("classname") + "#" + testCase.getAttribute("name");
          outcomes.put(key, outcomeOf(testCase));
        }
      }
    } catch (Exception e) {
      throw new AssertionError("cannot read the JUnit reports in " + reports + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr, e);
    }
    return outcomes;
  }

  private static String outcomeOf(Element testCase) {
    for (String tag : List.of("failure", "error")) {
      NodeList problems = testCase.getElementsByTagName(tag);
      if (problems.getLength() > 0) {
        Element problem = (Element) problems.item(0);
        return "failed: " + problem.getAttribute("type") + ": " + problem.getAttribute("message");
      }
    }
    return testCase.getElementsByTagName("skipped").getLength() > 0 ? "skipped" : "passed";
  }

  /** The recording folders in the output folder (not the work folders, not the zips). */
  public List<Path> recordings() {
    if (!Files.isDirectory(output)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(output)) {
      return entries
          .filter(Files::isDirectory)
          .filter(folder -> !folder.getFileName().toString().startsWith("."))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recordings by the {@code test_id} in their metadata. */
  public Map<String, TraceMetadata> metadataByTestId() {
    Map<String, TraceMetadata> byId = new TreeMap<>();
    for (Path folder : recordings()) {
      TraceMetadata metadata = TraceMetadataFile.read(folder);
      byId.put(String.valueOf(metadata.testId), metadata);
    }
    return byId;
  }

  public Path recordingOf(String folderPrefix) {
    return recordings().stream()
        .filter(folder -> folder.getFileName().toString().startsWith(folderPrefix + "-"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no recording " + folderPrefix + "-* in " + recordings() + "\n" + this));
  }

  @Override
  public String toString() {
    return "exit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
  }
}
