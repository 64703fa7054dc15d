package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.testing.Jvm;
import dev.codetracer.core.trace.TraceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample program, run with and without the agent on Java 17 and Java 25, from class files
 * with and without local variable names: the recorded program behaves exactly as the unrecorded
 * one (output, error output, exit code), and its recording is a valid folder with a valid stream.
 */
class SampleCorpusIT {
  static final List<String> CORPUS =
      List.of(
          "samples.Loops", "samples.Recursion", "samples.Exceptions", "samples.Uncaught",
          "samples.LambdasStreams", "samples.RecordsSwitch", "samples.InnerClasses", "samples.Generics",
          "samples.Reflection", "samples.StaticInit", "samples.Threads", "samples.DeepExit",
          "samples.Proxies", "samples.Mocks", "samples.Values", "samples.Output", "samples.Growth", "samples.NestedChanges",
          "samples.Construction", "samples.Constructors", "samples.RunExceptions", "samples.Overflow",
          "samples.TightLoops", "samples.UncaughtLoud", "samples.Secrets", "samples.WrappedSubclasses",
          "samples.OverflowTop", "samples.Floats", "samples.DeepHalt", "samples.OutputAfterCalls");

  /** Samples whose standard output is not all written by the recorded thread. */
  private static final Set<String> OUTPUT_FROM_OTHER_THREADS = Set.of("samples.Threads");

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (String sample : CORPUS) {
      runs.add(Arguments.of(sample, Jvm.JAVA_17, Samples.Debug.FULL));
      runs.add(Arguments.of(sample, Jvm.JAVA_25, Samples.Debug.FULL));
      runs.add(Arguments.of(sample, Jvm.JAVA_17, Samples.Debug.DEFAULT));
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0} on {1}, debug info {2}")
  @MethodSource("runs")
  void recordedProgramBehavesAsTheUnrecordedOne(String sample, Jvm jvm, Samples.Debug debug) {
    jvm.assumeInstalled();
    SampleRun plain = SampleRuns.plain(sample, jvm, debug);
    SampleRun recorded = SampleRuns.recorded(sample, jvm, debug, "");

    assertThat(recorded.stderr()).isEqualTo(plain.stderr());
    assertThat(recorded.stdout()).isEqualTo(plain.stdout());
    assertThat(recorded.exitCode()).isEqualTo(plain.exitCode());

    TraceModel model = Recordings.check(recorded.folder());
    assertThat(model.stepCount()).isPositive();
    assertThat(model.callCount()).isGreaterThan(1);
    if (!OUTPUT_FROM_OTHER_THREADS.contains(sample)) {
      assertThat(model.standardOutput()).isEqualTo(plain.stdout());
    }
    TraceMetadata metadata = Recordings.metadata(recorded.folder());
    assertThat(metadata.language).isEqualTo("java");
    assertThat(metadata.steps).isEqualTo(model.stepCount());
    assertThat(metadata.truncated).isFalse();
    assertThat(metadata.javaVersion).startsWith(jvm == Jvm.JAVA_25 ? "25" : "17");
    if (debug == Samples.Debug.DEFAULT) {
      assertThat(metadata.extra().get("classes_without_debug_info")).asList().isNotEmpty();
    } else {
      assertThat(metadata.extra()).doesNotContainKey("classes_without_debug_info");
    }
  }
}
