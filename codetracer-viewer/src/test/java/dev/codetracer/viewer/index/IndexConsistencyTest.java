package dev.codetracer.viewer.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.trace.TraceFileFormat;
import dev.codetracer.core.trace.TraceModel;
import dev.codetracer.core.trace.ValueRecord;
import dev.codetracer.viewer.RecordingViewer;
import dev.codetracer.viewer.testing.LoopRecordings;
import dev.codetracer.viewer.testing.SampleRecordings;
import dev.codetracer.core.recording.RecordingFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The index and the step reader answer exactly what the core's in-memory TraceModel answers, step
 * by step and call by call, for both stream formats (trace.bin with tiny frames, so events cross
 * frame boundaries).
 */
class IndexConsistencyTest {
  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(TraceFileFormat.class)
  void sampleTestMatchesTheModel(TraceFileFormat format) throws Exception {
    Path folder = SampleRecordings.failingTest(temp.resolve("sample"), format, 200);
    assertMatchesModel(folder, format);
  }

  @ParameterizedTest
  @EnumSource(TraceFileFormat.class)
  void loopMatchesTheModel(TraceFileFormat format) throws Exception {
    Path folder = LoopRecordings.write(temp.resolve("loop"), format, 5_000, 1000);
    assertMatchesModel(folder, format);
  }

  private static void assertMatchesModel(Path folder, TraceFileFormat format) {
    TraceModel model = TraceModel.load(folder.resolve(format.fileName()));
    try (RecordingViewer viewer = RecordingViewer.open(RecordingFolder.open(folder), IndexListener.SILENT)) {
      RecordingIndex index = viewer.index().orElseThrow();
      assertThat(index.manifest().streamError).isNull();
      assertThat(index.stepCount()).isEqualTo(model.stepCount());
      assertThat(index.callCount()).isEqualTo(model.callCount());
      assertThat(index.outputCount()).isEqualTo(model.output().size());
      for (int step = 0; step < model.stepCount(); step++) {
        TraceModel.Step expected = model.step(step);
        Map<String, Object> actual = viewer.steps().at(step);
        assertThat(actual.get("path")).as("path of step %d", step).isEqualTo(expected.path());
        assertThat(actual.get("line")).as("line of step %d", step).isEqualTo(expected.line());
        assertThat(actual.get("call")).as("call of step %d", step).isEqualTo(expected.call().index());
        assertThat(variableSummaries(actual)).as("variables at step %d", step)
            .isEqualTo(model.ownVariablesAt(step).entrySet().stream()
                .map(e -> e.getKey() + "=" + renderForViewer(model, e.getValue())).toList());
      }
      for (int call = 0; call < model.callCount(); call++) {
        TraceModel.Call expected = model.call(call);
        assertThat(index.callParent(call)).isEqualTo(expected.parent().map(TraceModel.Call::index).orElse(-1));
        Map<String, Object> json = viewer.calls().call(call);
        assertThat(json.get("first_step")).as("first step of call %d", call).isEqualTo(expected.firstStep());
        assertThat(index.callLastStep(call)).as("last step of call %d", call).isEqualTo(expected.lastStep());
        assertThat(index.callDepth(call)).isEqualTo(expected.depth());
        assertThat(index.callChildCount(call)).isEqualTo(expected.children().size());
        assertThat(index.callReturned(call)).isEqualTo(expected.returned());
        assertThat(json.get("function")).isEqualTo(expected.function());
        assertThat(((List<?>) json.get("args")).size()).isEqualTo(expected.args().size());
      }
      for (int output = 0; output < model.output().size(); output++) {
        assertThat(index.outputStep(output)).isEqualTo(model.output().get(output).step());
      }
      assertThat(viewer.failureStep()).isEqualTo(model.error().map(TraceModel.Output::step).orElse(-1));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> variableSummaries(Map<String, Object> step) {
    return ((List<Map<String, Object>>) step.get("variables")).stream()
        .map(v -> v.get("name") + "=" + v.get("summary")).toList();
  }

  /** The model's rendering, with the viewer's short struct type names. */
  private static String renderForViewer(TraceModel model, ValueRecord value) {
    return model.render(value).replace("loop.Point{", "Point{").replace("shop.PriceCalculator{", "PriceCalculator{");
  }
}
