package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.testing.Jvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs of lines sharing one probe ({@code probes=run}) give exactly the stream of a probe per line
 * ({@code probes=line}): the same steps, the same values at each, the same calls and returns, also
 * where an exception cuts a run short (samples.RunExceptions). So do counted loops ({@code
 * probes=loop}, the default, which counts only with {@code values=none}).
 */
class LineRunsIT {
  /**
   * Samples whose streams differ from run to run (threads, generated class names) or with the
   * probes' shape (how deep the stack overflows).
   */
  private static final Set<String> NONDETERMINISTIC = Set.of("samples.Threads", "samples.Mocks", "samples.Overflow", "samples.OverflowTop");

  static Stream<Arguments> samples() {
    return deterministicSamples().flatMap(sample -> Stream.of(Arguments.of(sample, "values=full"), Arguments.of(sample, "values=none")));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("samples")
  void runsRecordWhatAProbePerLineRecords(String sample, String values) throws IOException {
    assertThat(stream(sample, values + ",probes=run")).isEqualTo(stream(sample, values + ",probes=line"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deterministicSamples")
  void countedLoopsRecordWhatAProbePerLineRecords(String sample) throws IOException {
    assertThat(stream(sample, "values=none,probes=loop")).isEqualTo(stream(sample, "values=none,probes=line"));
  }

  static Stream<String> deterministicSamples() {
    return SampleCorpusIT.CORPUS.stream().filter(sample -> !NONDETERMINISTIC.contains(sample));
  }

  @Test
  void runsThatExceptionsCutShortShowTheLinesTheyReached() throws IOException {
    for (String values : List.of("values=full", "values=none")) {
      assertThat(stream("samples.RunExceptions", values + ",probes=run"))
          .as(values)
          .isEqualTo(stream("samples.RunExceptions", values + ",probes=line"));
    }
  }

  private static String stream(String sample, String options) throws IOException {
    SampleRun run = SampleRuns.recorded(sample, Jvm.JAVA_17, Samples.Debug.FULL, options);
    Recordings.check(run.folder());
    return Files.readString(run.folder().resolve(RecordingFolder.TRACE_JSON));
  }
}
