package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.trace.TraceModel;
import dev.codetracer.core.trace.TraceValidator;
import dev.codetracer.junit.support.TestJvms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Checks of a recording's contents, shared by the retain and rerun tests. */
final class RecordingChecks {
  private RecordingChecks() {}

  static Path sampleSource(String simpleName) {
    return TestJvms.moduleDir().resolve("src/test/java/sample/" + simpleName + ".java");
  }

  static int lineOf(Path source, String marker) {
    try {
      List<String> lines = Files.readAllLines(source);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(marker)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError(marker + " not in " + source);
  }

  /**
   * The recording of {@code CartSample.totalOfThree} holds the failing assertion's line, with the
   * values that led to it, and the failure.
   */
  static void holdsFailingAssertionOfTotalOfThree(Path folder) {
    RecordingFolder recording = tracesFailingAssertionOfTotalOfThree(folder);
    int assertionLine = lineOf(sampleSource("CartSample"), "// the failing assertion");
    TraceMetadata metadata = recording.metadata();
    assertThat(metadata.failureType).isEqualTo("org.opentest4j.AssertionFailedError");
    assertThat(metadata.failureMessage).isEqualTo("expected: <21> but was: <14>");
    assertThat(metadata.failureStack).contains("sample.CartSample.totalOfThree(CartSample.java:" + assertionLine + ")");
  }

  /**
   * The recording of {@code CartSample.totalOfThree} is valid and holds the failing assertion's
   * line, with the values that led to it.
   */
  static RecordingFolder tracesFailingAssertionOfTotalOfThree(Path folder) {
    RecordingFolder recording = RecordingFolder.open(folder);
    assertThat(recording.payload()).isEqualTo(RecordingFolder.Payload.TRACE_JSON);
    TraceValidator.validate(recording.eventStream());
    TraceModel model = TraceModel.load(recording.eventStream());
    Path source = sampleSource("CartSample");
    int assertionLine = lineOf(source, "// the failing assertion");
    assertThat(model.paths()).contains(source.toString());
    List<Integer> steps = model.stepsAt(source.toString(), assertionLine);
    assertThat(steps).as("steps at CartSample.java:%d", assertionLine).isNotEmpty();
    Map<String, String> values = new java.util.TreeMap<>();
    model.variablesAt(steps.get(0)).forEach((name, value) -> values.put(name, model.render(value)));
    assertThat(values).containsEntry("price", "7").containsEntry("quantity", "3").containsEntry("total", "14");
    assertThat(model.callsOf("sample.Cart.total")).isNotEmpty();
    return recording;
  }

  /** The values at the first step on the line of a sample's source that holds {@code marker}, rendered. */
  static Map<String, String> valuesAtLine(Path folder, String sampleName, String marker) {
    RecordingFolder recording = RecordingFolder.open(folder);
    TraceValidator.validate(recording.eventStream());
    TraceModel model = TraceModel.load(recording.eventStream());
    Path source = sampleSource(sampleName);
    int line = lineOf(source, marker);
    List<Integer> steps = model.stepsAt(source.toString(), line);
    assertThat(steps).as("steps at %s.java:%d", sampleName, line).isNotEmpty();
    Map<String, String> values = new java.util.TreeMap<>();
    model.variablesAt(steps.get(0)).forEach((name, value) -> values.put(name, model.render(value)));
    return values;
  }
}
