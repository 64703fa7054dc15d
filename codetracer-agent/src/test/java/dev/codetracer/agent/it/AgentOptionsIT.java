package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.testing.Jvm;
import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TraceModel;
import dev.codetracer.core.trace.TraceReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent's options, seen from outside: caps, filters, values, redaction, bad input. */
class AgentOptionsIT {
  private static SampleRun recorded(String sample, String options) {
    return SampleRuns.recorded(sample, Jvm.JAVA_17, Samples.Debug.FULL, options);
  }

  /**
   * The filter as the agent jar ships it: the jar relocates its own copy of the core, and the
   * shade plugin also rewrites string constants naming the core's package, so the unit test of the
   * unshaded class cannot see whether the user's copy of the core is still left alone.
   */
  @Test
  void theShippedAgentNeverInstrumentsCodetracersOwnModules() throws Exception {
    try (URLClassLoader jar = new URLClassLoader(new URL[] {Samples.AGENT.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> filterClass = jar.loadClass("dev.codetracer.agent.instrument.ClassFilter");
      Object filter = filterClass.getConstructor(List.class, List.class).newInstance(List.of(), List.of());
      Method instruments = filterClass.getMethod("instruments", String.class);
      for (String own : List.of("dev/codetracer/core/recording/MetadataKeys", "dev/codetracer/agent/runtime/Probes",
          "dev/codetracer/agent/shaded/core/jvm/TraceExpander", "dev/codetracer/junit/ExtensionRun")) {
        assertThat(instruments.invoke(filter, own)).as(own).isEqualTo(false);
      }
      assertThat(instruments.invoke(filter, "com/acme/Order")).isEqualTo(true);
    }
  }

  @Test
  void aBadOptionStopsTheJvmWithOneLineNamingIt() {
    SampleRun run = recorded("samples.Loops", "depth=deep");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr().lines().toList())
        .containsExactly("codetracer-agent: option \"depth\" must be a whole number, not \"deep\"");

    SampleRun unknown = recorded("samples.Loops", "colour=blue");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderr().lines().toList()).hasSize(1);
    assertThat(unknown.stderr()).startsWith("codetracer-agent: unknown option \"colour\"");
  }

  @Test
  void anExistingRecordingIsNeverOverwritten() throws java.io.IOException {
    java.nio.file.Path folder = java.nio.file.Files.createDirectories(SampleRuns.newFolder("occupied"));
    java.nio.file.Files.writeString(folder.resolve("trace.json"), "[]");
    SampleRun run = SampleRuns.run(SampleRuns.command(Jvm.JAVA_17, "output=" + folder, Samples.Debug.FULL, "samples.Loops"), null);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("codetracer-agent: option \"output\": " + folder + " already exists and is not empty; choose another folder\n");
    assertThat(folder.resolve("trace.json")).hasContent("[]");
  }

  @Test
  void reachingTheStepCapEndsTheStreamCleanly() {
    SampleRun plain = SampleRuns.plain("samples.Loops", Jvm.JAVA_17, Samples.Debug.FULL);
    SampleRun run = recorded("samples.Loops", "maxSteps=5");
    assertThat(run.stdout()).isEqualTo(plain.stdout());
    assertThat(run.exitCode()).isZero();
    TraceModel model = Recordings.check(run.folder());
    assertThat(model.stepCount()).isEqualTo(5);
    TraceMetadata metadata = Recordings.metadata(run.folder());
    assertThat(metadata.truncated).isTrue();
    assertThat(metadata.truncatedAtStep).isEqualTo(5);
    assertThat(metadata.truncationReason).contains("maxSteps");
    assertThat(model.output()).last().satisfies(o -> assertThat(o.content()).contains("truncated at step 5"));
  }

  @Test
  void reachingTheEventCapEndsTheStreamCleanly() {
    SampleRun run = recorded("samples.Recursion", "maxEvents=40");
    TraceModel model = Recordings.check(run.folder());
    TraceMetadata metadata = Recordings.metadata(run.folder());
    assertThat(metadata.truncated).isTrue();
    assertThat(metadata.truncationReason).contains("maxEvents");
    assertThat(metadata.truncatedAtStep).isEqualTo(model.stepCount());
  }

  @Test
  void excludedClassesAreNotRecorded() {
    SampleRun run = recorded("samples.InnerClasses", "excludes=samples.InnerClasses$Counter:samples.InnerClasses$1");
    TraceModel model = Recordings.check(run.folder());
    assertThat(model.callsOf("samples.InnerClasses.Counter.increment")).isEmpty();
    assertThat(model.callsOf("samples.InnerClasses$1.compare")).isEmpty();
    assertThat(model.callsOf("samples.InnerClasses.Adder.add")).hasSize(1);
  }

  @Test
  void includesLimitWhatIsRecorded() {
    SampleRun run = recorded("samples.InnerClasses", "includes=samples.InnerClasses$Adder");
    TraceModel model = Recordings.check(run.folder());
    assertThat(model.topLevelCall().children()).extracting(TraceModel.Call::function)
        .containsExactly("samples.InnerClasses.Adder.<constructor>", "samples.InnerClasses.Adder.add");
  }

  @Test
  void outputWrittenBeforeTheFirstRecordedStepComesWithThatStep() {
    SampleRun run = recorded("samples.OutputBeforeSteps", "includes=samples.OutputBeforeSteps$Work");
    TraceModel model = Recordings.check(run.folder());
    assertThat(model.output()).extracting(TraceModel.Output::content).containsExactly("before\n", "warning before\n", "4\n");
    assertThat(model.output().subList(0, 2)).allSatisfy(output -> assertThat(output.step()).isZero());
    assertThat(model.step(0).call().function()).isEqualTo("samples.OutputBeforeSteps.Work.twice");
    assertThat(Recordings.metadata(run.folder()).extra()).doesNotContainKey("output_dropped");
  }

  @Test
  void withoutValuesOnlyStepsCallsAndOutputAreRecorded() {
    SampleRun run = recorded("samples.Loops", "values=none");
    TraceModel model = Recordings.check(run.folder());
    assertThat(model.stepsAt(Samples.source("samples.Loops").toString(), 7)).hasSize(4);
    assertThat(model.callsOf("samples.Loops.sum")).hasSize(1);
    List<TraceEvent> events = TraceReader.readAll(run.folder().resolve("trace.json"));
    assertThat(events).noneMatch(e -> e instanceof TraceEvent.Value);
    assertThat(model.standardOutput()).isEqualTo("6 1099511627776 1.5 x true\n");
  }

  @Test
  void redactionCanBeChangedOrSwitchedOff() {
    SampleRun off = recorded("samples.Values", "redact=none");
    TraceModel model = Recordings.check(off.folder());
    Path source = Samples.source("samples.Values");
    int step = model.stepsAt(source.toString(), 61).get(0);
    assertThat(model.render(model.valueAt(step, "password").orElseThrow())).isEqualTo("\"secret-value\"");
    assertThat(Recordings.metadata(off.folder()).redactionPattern).isEqualTo("none");

    SampleRun custom = recorded("samples.Values", "redact=^owner$");
    TraceModel customModel = Recordings.check(custom.folder());
    int customStep = customModel.stepsAt(source.toString(), 61).get(0);
    assertThat(customModel.render(customModel.valueAt(customStep, "account").orElseThrow()))
        .isEqualTo("samples.Values.Account{owner=<error: <redacted>>, password=\"hunter2\", apiKey=\"k-123\"}");
  }

  @Test
  void valueDepthIsConfigurable() {
    SampleRun run = recorded("samples.Values", "depth=1");
    TraceModel model = Recordings.check(run.folder());
    int step = model.stepsAt(Samples.source("samples.Values").toString(), 61).get(0);
    assertThat(model.render(model.valueAt(step, "first").orElseThrow()))
        .isEqualTo("samples.Values.Node{label=\"first\", next=samples.Values.Node{...}, weights=int[]{...}}");
  }
}
