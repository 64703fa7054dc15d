package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.testing.Jvm;
import dev.codetracer.core.trace.TraceModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Runtime.halt} called by recorded code runs no shutdown hook, and the agent still ends the
 * recording as it does at {@code System.exit}: the events it held in memory (here, all of them)
 * reach the recording. The halt through code that is not recorded: {@code JvmRecorderIT}.
 */
class RuntimeHaltIT {
  /** The line of a sample's source that holds {@code text}, counted from 1. */
  private static int lineOf(String sample, String text) {
    try {
      List<String> lines = Files.readAllLines(Samples.source(sample));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i + 1;
        }
      }
      throw new AssertionError(text + " is not in " + Samples.source(sample));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theExitCodeOfANegativeHaltIsTheOneTheProcessEndsWith() {
    SampleRun plain = SampleRuns.plain("samples.DeepHalt", Jvm.JAVA_17, Samples.Debug.FULL, "-3");
    SampleRun recorded = SampleRuns.recorded("samples.DeepHalt", Jvm.JAVA_17, Samples.Debug.FULL, "", "-3");

    assertThat(plain.exitCode()).as("halt(-1)").isEqualTo(255);
    assertThat(recorded.exitCode()).isEqualTo(plain.exitCode());
    Recordings.check(recorded.folder());
    assertThat(Recordings.metadata(recorded.folder()).exitCode).isEqualTo(255);
  }

  @Test
  void aHaltInRecordedCodeEndsTheRecordingAtItsLineWithItsStatusAsTheExitCode() {
    SampleRun plain = SampleRuns.plain("samples.DeepHalt", Jvm.JAVA_17, Samples.Debug.FULL);
    SampleRun recorded = SampleRuns.recorded("samples.DeepHalt", Jvm.JAVA_17, Samples.Debug.FULL, "");

    assertThat(plain.exitCode()).isEqualTo(3);
    assertThat(plain.stdout()).isEqualTo("halting with 3\n");
    assertThat(recorded.exitCode()).isEqualTo(plain.exitCode());
    assertThat(recorded.stdout()).isEqualTo(plain.stdout());
    assertThat(recorded.stderr()).isEqualTo(plain.stderr());

    TraceModel model = Recordings.check(recorded.folder());
    TraceModel.Step last = model.step(model.lastStep());
    assertThat(last.path()).isEqualTo(Samples.source("samples.DeepHalt").toString());
    assertThat(last.line()).as("the last step is the halt's line").isEqualTo(lineOf("samples.DeepHalt", "halt(code)"));
    assertThat(last.call().function()).isEqualTo("samples.DeepHalt.c");
    assertThat(model.callsOf("samples.DeepHalt.c")).singleElement()
        .satisfies(call -> assertThat(call.returned()).as("left open, as System.exit leaves it").isFalse());
    assertThat(model.standardOutput()).isEqualTo("halting with 3\n");

    TraceMetadata metadata = Recordings.metadata(recorded.folder());
    assertThat(metadata.exitCode).isEqualTo(3);
    assertThat(metadata.steps).isEqualTo(model.stepCount());
    assertThat(metadata.truncated).isFalse();
    assertThat(metadata.extra()).doesNotContainKeys("recorder_killed", "stopped_by_api");
  }

  @Test
  void aHaltThroughAMethodReferenceMadeInRecordedCodeEndsTheRecordingToo() {
    for (String unbound : new String[] {null, "unbound"}) {
      String[] args = unbound == null ? new String[0] : new String[] {unbound};
      SampleRun plain = SampleRuns.plain("samples.HaltReference", Jvm.JAVA_17, Samples.Debug.FULL, args);
      SampleRun recorded = SampleRuns.recorded("samples.HaltReference", Jvm.JAVA_17, Samples.Debug.FULL, "", args);

      assertThat(plain.exitCode()).isEqualTo(unbound == null ? 5 : 6);
      assertThat(recorded.exitCode()).isEqualTo(plain.exitCode());
      assertThat(recorded.stdout()).isEqualTo(plain.stdout()).isEqualTo("halting with 5\n");
      TraceModel model = Recordings.check(recorded.folder());
      assertThat(model.standardOutput()).isEqualTo("halting with 5\n");
      assertThat(Recordings.metadata(recorded.folder()).exitCode).isEqualTo(plain.exitCode());
    }
  }

  @Test
  void aHaltByAProgramsShutdownHookWaitsForTheRecordingTheExitIsFinishing() {
    SampleRun plain = SampleRuns.plain("samples.HaltInHook", Jvm.JAVA_17, Samples.Debug.FULL);
    SampleRun recorded = SampleRuns.recorded("samples.HaltInHook", Jvm.JAVA_17, Samples.Debug.FULL, "");

    assertThat(plain.exitCode()).as("the hook's halt decides the exit code").isEqualTo(5);
    assertThat(recorded.exitCode()).isEqualTo(plain.exitCode());
    assertThat(recorded.stdout()).isEqualTo(plain.stdout()).isEqualTo("exiting with 45\n");
    assertThat(recorded.stderr()).isEqualTo(plain.stderr());

    // the program's hook halted while the agent's finished the recording: the halt waited for it
    TraceModel model = Recordings.check(recorded.folder());
    assertThat(model.standardOutput()).isEqualTo("exiting with 45\n");
    assertThat(model.step(model.lastStep()).line()).isEqualTo(lineOf("samples.HaltInHook", "System.exit(1)"));
    assertThat(Recordings.metadata(recorded.folder()).extra()).doesNotContainKey("recorder_killed");
  }
}
