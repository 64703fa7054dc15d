package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.testing.Jvm;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With steps and calls only, loops that call nothing count their steps instead of logging each
 * ({@code probes=loop}, the default): the program behaves as unrecorded, and the stream is exactly
 * that of a probe per line ({@code probes=line}), also where an exception or a break leaves a loop
 * half-way (samples.TightLoops), on Java 17 and 25, with and without local variable names.
 */
class CountedLoopsIT {
  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (Jvm jvm : List.of(Jvm.JAVA_17, Jvm.JAVA_25)) {
      for (Samples.Debug debug : List.of(Samples.Debug.FULL, Samples.Debug.DEFAULT)) {
        runs.add(Arguments.of("samples.TightLoops", jvm, debug));
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0} on {1}, debug info {2}")
  @MethodSource("runs")
  void countedLoopsRecordWhatAProbePerLineRecords(String sample, Jvm jvm, Samples.Debug debug) throws IOException {
    jvm.assumeInstalled();
    SampleRun plain = SampleRuns.plain(sample, jvm, debug);
    SampleRun counted = SampleRuns.recorded(sample, jvm, debug, "values=none");
    SampleRun perLine = SampleRuns.recorded(sample, jvm, debug, "values=none,probes=line");

    assertThat(counted.stdout()).isEqualTo(plain.stdout());
    assertThat(counted.stderr()).isEqualTo(plain.stderr());
    assertThat(counted.exitCode()).isEqualTo(plain.exitCode()).isNotZero();
    Recordings.check(counted.folder());
    assertThat(trace(counted)).isEqualTo(trace(perLine));

    TraceMetadata metadata = Recordings.metadata(counted.folder());
    long rawEvents = ((Number) metadata.extra().get("raw_events")).longValue();
    assertThat(metadata.steps).isGreaterThan(100_000);
    assertThat(rawEvents).as("a loop's steps are logged as one event").isLessThan(metadata.steps / 100);
    long rawSteps = ((Number) metadata.extra().get("raw_steps")).longValue();
    long addedForOutput = ((Number) metadata.extra().getOrDefault("steps_added_for_output", 0)).longValue();
    assertThat(addedForOutput).as("a step of main's line for each print after a call on it").isPositive();
    assertThat(rawSteps + addedForOutput).isEqualTo(metadata.steps);
  }

  @Test
  void aCapReachedInsideACountedLoopCutsTheStreamWhereAProbePerLineDoes() throws IOException {
    // step 1,234 falls inside the counted loop of longRun()
    SampleRun counted = SampleRuns.recorded("samples.TightLoops", Jvm.JAVA_17, Samples.Debug.FULL, "values=none,maxSteps=1234");
    SampleRun perLine =
        SampleRuns.recorded("samples.TightLoops", Jvm.JAVA_17, Samples.Debug.FULL, "values=none,probes=line,maxSteps=1234");

    Recordings.check(counted.folder());
    assertThat(trace(counted)).isEqualTo(trace(perLine));
    TraceMetadata metadata = Recordings.metadata(counted.folder());
    assertThat(metadata.truncated).isTrue();
    assertThat(metadata.steps).isEqualTo(1234);
  }

  private static String trace(SampleRun run) throws IOException {
    return Files.readString(run.folder().resolve(RecordingFolder.TRACE_JSON));
  }
}
