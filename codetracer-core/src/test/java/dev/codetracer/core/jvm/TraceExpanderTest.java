package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.trace.BinTraceWriter;
import dev.codetracer.core.trace.EventLogKind;
import dev.codetracer.core.trace.JsonTraceWriter;
import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TraceModel;
import dev.codetracer.core.trace.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceExpanderTest {
  @TempDir Path dir;

  private record Expanded(ExpansionResult result, TraceModel model, List<TraceEvent> events) {}

  private Expanded expand(ChangeLogFixture log, boolean finished, ExpansionLimits limits) throws IOException {
    Path run = Files.createTempDirectory(dir, "run");
    Path raw = log.write(run.resolve("trace.raw"), finished);
    Path json = run.resolve("trace.json");
    ExpansionResult result;
    try (RawLogReader reader = new RawLogReader(raw); JsonTraceWriter writer = JsonTraceWriter.create(json)) {
      result = new TraceExpander(writer, limit -> false, limits).expand(reader);
    }
    return new Expanded(result, TraceModel.load(json), TraceReader.readAll(json));
  }

  private Expanded expand(ChangeLogFixture log) throws IOException {
    return expand(log, true, ExpansionLimits.defaults());
  }

  /** The example of recording-format.md: sum(2) called from main. */
  private static ChangeLogFixture sumProgram() {
    return new ChangeLogFixture()
        .method(0, "main", 9, 0, "unused", "s")
        .method(1, "sum", 3, 1, "n", "total", "i")
        .probe(0, 0, 9).probe(1, 0, 10, 1)
        .probe(2, 1, 3, 0).probe(3, 1, 4, 0, 1).probe(4, 1, 5, 0, 1, 2).probe(5, 1, 4, 0, 1, 2).probe(6, 1, 6, 0, 1)
        .call(0).step(0)
        .call(1).intValue(0, 2)
        .step(2).intValue(1, 0)
        .step(3).intValue(2, 0)
        .step(4).intValue(1, 0)
        .step(5).intValue(2, 1)
        .step(4).intValue(1, 1)
        .step(5).intValue(2, 2)
        .step(6).intValue(-1 & 0xFFFF, 1).ret(1)
        .intValue(1, 1)
        .step(1).stdout("1").stdout("\n")
        .ret(0);
  }

  @Test
  void aClassFactThatComesWithEachOfItsMethodsIsListedOnce() throws IOException {
    ChangeLogFixture log = sumProgram()
        .define(new RawDefinition.Fact("classes_without_source[]", "a.B"))
        .define(new RawDefinition.Fact("classes_without_source[]", "a.C"))
        .define(new RawDefinition.Fact("classes_without_source[]", "a.B"))
        .define(new RawDefinition.Fact("classes_without_debug_info[]", "a.B"));
    ExpansionResult result = expand(log).result();
    assertThat(result.facts().get("classes_without_source")).isEqualTo(List.of("a.B", "a.C"));
    assertThat(result.facts().get("classes_without_debug_info")).isEqualTo(List.of("a.B"));
  }

  @Test
  void expandsChangesIntoValuesAtEveryStep() throws IOException {
    Expanded e = expand(sumProgram());
    TraceModel model = e.model();
    assertThat(e.events().subList(0, 4)).containsExactly(
        new TraceEvent.Path(ChangeLogFixture.PATH),
        new TraceEvent.Function(0, 1, "<toplevel>"),
        new TraceEvent.Call(0, List.of()),
        new TraceEvent.Type(30, "None", dev.codetracer.core.trace.TypeSpecificInfo.NONE));
    TraceModel.Call sum = model.callsOf("Main.sum").get(0);
    assertThat(sum.args()).containsOnlyKeys("n");
    assertThat(model.render(sum.returnValue().orElseThrow())).isEqualTo("1");
    assertThat(sum.parent().orElseThrow().function()).isEqualTo("Main.main");
    List<Integer> loopBody = model.stepsAt(ChangeLogFixture.PATH, 5);
    assertThat(loopBody).hasSize(2);
    assertThat(model.render(model.valueAt(loopBody.get(0), "i").orElseThrow())).isEqualTo("0");
    assertThat(model.render(model.valueAt(loopBody.get(1), "i").orElseThrow())).isEqualTo("1");
    assertThat(model.render(model.valueAt(loopBody.get(1), "total").orElseThrow())).isEqualTo("0");
    assertThat(model.valueAt(model.stepsAt(ChangeLogFixture.PATH, 3).get(0), "total")).isEmpty();
    assertThat(model.output()).singleElement().satisfies(o -> {
      assertThat(o.content()).isEqualTo("1\n");
      assertThat(model.step(o.step()).line()).isEqualTo(10);
    });
    assertThat(e.result().steps()).isEqualTo(model.stepCount());
    assertThat(e.result().paths()).containsExactly(ChangeLogFixture.PATH);
    assertThat(e.result().logWasCut()).isFalse();
  }

  @Test
  void eventsWrittenAsTheyAreExpandTheSame() throws IOException {
    List<TraceEvent> compact = expand(sumProgram()).events();
    List<TraceEvent> uncompacted = expand(sumProgram().uncompacted()).events();
    assertThat(uncompacted).isEqualTo(compact);
  }

  @Test
  void theStepCapEndsTheStreamAtThatStep() throws IOException {
    Expanded e = expand(sumProgram(), true, new ExpansionLimits(4, Long.MAX_VALUE, Long.MAX_VALUE));
    assertThat(e.model().stepCount()).isEqualTo(4);
    assertThat(e.result().truncated()).isTrue();
    assertThat(e.result().truncatedAtStep()).isEqualTo(4);
    assertThat(e.result().truncationReason()).startsWith("maxSteps");
    assertThat(e.model().output()).last().satisfies(o -> assertThat(o.kind()).isEqualTo(EventLogKind.TRACE_LOG_EVENT));
  }

  @Test
  void anExceptionLeavingTheOutermostCallEndsWithAnError() throws IOException {
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "main", 3, 0).method(1, "fail", 7, 0)
        .probe(0, 0, 3).probe(1, 1, 7)
        .call(0).step(0).call(1).step(1)
        .thrown(1, "java.lang.IllegalStateException: boom")
        .thrown(0, "java.lang.IllegalStateException: boom");
    Expanded e = expand(log);
    assertThat(e.model().error()).hasValueSatisfying(o -> assertThat(o.content()).isEqualTo("java.lang.IllegalStateException: boom"));
    assertThat(e.model().render(e.model().callsOf("Main.fail").get(0).returnValue().orElseThrow()))
        .isEqualTo("<error: threw java.lang.IllegalStateException: boom>");
    assertThat(e.result().uncaughtException()).isEqualTo("java.lang.IllegalStateException: boom");
  }

  @Test
  void anExceptionReachingAFrameWhoseCalleeLostItsExitIsStillThatFramesValue() throws IOException {
    // the stack ran out in fail's exit probe: main's exception value comes while fail is on top
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "main", 3, 0).method(1, "fail", 7, 0)
        .probe(0, 0, 3).probe(1, 1, 7)
        .call(0).step(0).call(1).step(1)
        .thrown(0, "java.lang.StackOverflowError");
    Expanded e = expand(log);
    assertThat(e.model().render(e.model().callsOf("Main.fail").get(0).returnValue().orElseThrow())).isEqualTo("<error: <unwound>>");
    assertThat(e.model().render(e.model().callsOf("Main.main").get(0).returnValue().orElseThrow()))
        .isEqualTo("<error: threw java.lang.StackOverflowError>");
    assertThat(e.result().uncaughtException()).isEqualTo("java.lang.StackOverflowError");
  }

  @Test
  void returnsOfFramesEnteredBeforeTheRecordingAreIgnoredAndSkippedFramesUnwound() throws IOException {
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "test", 3, 0).method(1, "outer", 7, 0).method(2, "inner", 11, 0)
        .probe(0, 0, 3).probe(1, 1, 7).probe(2, 2, 11)
        .step(0)
        .call(1).step(1).call(2).step(2)
        .ret(1)
        .ret(0);
    Expanded e = expand(log);
    assertThat(e.model().callsOf("Main.outer").get(0).returned()).isTrue();
    assertThat(e.model().render(e.model().callsOf("Main.inner").get(0).returnValue().orElseThrow())).isEqualTo("<error: <unwound>>");
    assertThat(e.events().stream().filter(ev -> ev instanceof TraceEvent.Return)).hasSize(2);
  }

  @Test
  void theCallsStillOpenWhenCodeTracerStopEndedTheLogReturnThere() throws IOException {
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "main", 3, 0).method(1, "helper", 7, 0)
        .probe(0, 0, 3).probe(1, 1, 7)
        .call(0).step(0).call(1).step(1);
    assertThat(expand(log).model().callsOf("Main.main").get(0).returned()).as("a JVM that exited leaves them open").isFalse();

    TraceModel stopped = expand(log.define(new RawDefinition.Fact(TraceExpander.STOPPED_BY_API, true))).model();
    for (String method : List.of("Main.main", "Main.helper")) {
      assertThat(stopped.callsOf(method).get(0).returnValue().map(stopped::render)).as(method).hasValue("<error: <recording stopped>>");
    }
  }

  @Test
  void floatsReadAsJavaPrintsThemInJsonAndBin() throws IOException {
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "main", 3, 0, "f", "big", "boxed", "d", "boxedDouble")
        .probe(0, 0, 3).probe(1, 0, 4, 0, 1, 2, 3, 4)
        .call(0).step(0)
        .floatValue(0, 0.1f).floatValue(1, 3.4028235e38f)
        .encodedFloat(2, WellKnownTypes.FLOAT_BOX, 0.7f)
        .doubleValue(3, 0.1).encodedFloat(4, WellKnownTypes.DOUBLE_BOX, 0.1f)
        .step(1);
    Path run = Files.createTempDirectory(dir, "run");
    Path raw = log.write(run.resolve("trace.raw"), true);
    Path bin = run.resolve("trace.bin");
    try (RawLogReader reader = new RawLogReader(raw); BinTraceWriter writer = BinTraceWriter.create(bin)) {
      new TraceExpander(writer, limit -> false, ExpansionLimits.defaults()).expand(reader);
    }
    for (TraceModel model : List.of(expand(log).model(), TraceModel.load(bin))) {
      int step = model.stepsAt(ChangeLogFixture.PATH, 4).get(0);
      assertThat(List.of("f", "big", "boxed", "d", "boxedDouble"))
          .extracting(name -> model.render(model.valueAt(step, name).orElseThrow()))
          .containsExactly("0.1", "3.4028235E38", "0.7", "0.1", "0.10000000149011612");
    }
  }

  @Test
  void outputBeforeTheFirstStepComesWithItAndWithoutAnyStepIsLeftOutAndCounted() throws IOException {
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "main", 3, 0).probe(0, 0, 3)
        .stdout("before ").stdout("the first step\n")
        .call(0).step(0).stdout("at it\n");
    Expanded e = expand(log);
    assertThat(e.model().output()).extracting(TraceModel.Output::content).containsExactly("before the first step\n", "at it\n");
    assertThat(e.model().output()).allSatisfy(o -> assertThat(o.step()).isZero());
    assertThat(e.result().outputDropped()).isZero();

    Expanded none = expand(new ChangeLogFixture().stdout("no step\n"));
    assertThat(none.model().output()).isEmpty();
    assertThat(none.result().outputDropped()).isEqualTo("no step\n".length());
  }

  /**
   * OutAttr's main: line 7 {@code total = 0}, line 8 {@code for (i = 1; i <= 2; i++) total +=
   * twice(i)}, line 9 {@code println("total " + total + " last " + twice(5))}, line 10 {@code
   * println("done")}; twice: line 3 {@code r = x * 2}, line 4 {@code return r}.
   */
  private static ChangeLogFixture outputAfterCalls() {
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "main", 6, 0, "total", "i")
        .method(1, "twice", 2, 1, "x", "r")
        .probe(0, 0, 7).probe(1, 0, 8, 0, 1).probe(2, 0, 9, 0).probe(3, 0, 10, 0)
        .probe(4, 1, 3, 0).probe(5, 1, 4, 0, 1)
        .call(0).step(0).intValue(0, 0)
        .intValue(1, 1);
    int total = 0;
    for (int i = 1; i <= 2; i++) {
      log.step(1);
      twice(log, i);
      total += 2 * i;
      log.intValue(0, total).intValue(1, i + 1);
    }
    log.step(1).step(2);
    twice(log, 5);
    return log.stdout("total " + total + " last 10\n")
        .step(3).stdout("done\n")
        .ret(0);
  }

  private static void twice(ChangeLogFixture log, int x) {
    log.call(1).intValue(0, x)
        .step(4).intValue(1, 2 * x)
        .step(5).intValue(RawEvents.RETURN_SLOT, 2 * x).ret(1);
  }

  @Test
  void outputAfterACallReturnedBelongsToAStepOfTheCallersLine() throws IOException {
    Expanded e = expand(outputAfterCalls());
    TraceModel model = e.model();
    TraceModel.Output printed = model.output().get(0);
    assertThat(printed.content()).isEqualTo("total 6 last 10\n");
    TraceModel.Step step = model.step(printed.step());
    assertThat(step.line()).isEqualTo(9);
    assertThat(step.call().function()).isEqualTo("Main.main");
    assertThat(model.valueAt(printed.step(), "total").map(model::render)).hasValue("6");
    assertThat(model.stepsAt(ChangeLogFixture.PATH, 9)).as("the line's own step, and its step after twice(5) returned").hasSize(2);
    assertThat(model.stepsAt(ChangeLogFixture.PATH, 8)).as("calls followed by no output add no step").hasSize(3);
    assertThat(model.step(model.output().get(1).step()).line()).isEqualTo(10);
    assertThat(e.result().steps()).isEqualTo(model.stepCount());
    assertThat(e.result().stepsAddedForOutput()).isEqualTo(1);
  }

  @Test
  void theCallersStepAfterAReturnIsTheSameInJsonAndBin() throws IOException {
    Path run = Files.createTempDirectory(dir, "run");
    Path raw = outputAfterCalls().write(run.resolve("trace.raw"), true);
    Path bin = run.resolve("trace.bin");
    try (RawLogReader reader = new RawLogReader(raw); BinTraceWriter writer = BinTraceWriter.create(bin)) {
      new TraceExpander(writer, limit -> false, ExpansionLimits.defaults()).expand(reader);
    }
    assertThat(TraceReader.readAll(bin)).isEqualTo(expand(outputAfterCalls()).events());
  }

  @Test
  void outputAfterACallFromTheLastLineOfARunBelongsToThatLine() throws IOException {
    // main: line 3 a = 7, line 4 helper() as one run; helper at line 8; then output on line 4
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "main", 3, 0, "a").method(1, "helper", 8, 0)
        .run(0, 0, 3, new int[0], List.of(new RawDefinition.RunLine(4, new int[] {0})), 0, -1)
        .probe(1, 1, 8).probe(2, 0, 5, 0)
        .call(0).step(0).intValue(0, 7)
        .call(1).step(1).ret(1)
        .stdout("after helper\n")
        .step(2)
        .ret(0);
    TraceModel model = expand(log).model();
    int step = model.output().get(0).step();
    assertThat(model.step(step).line()).isEqualTo(4);
    assertThat(model.step(step).call().function()).isEqualTo("Main.main");
    assertThat(model.valueAt(step, "a").map(model::render)).hasValue("7");
  }

  @Test
  void outputAfterACallFromAMethodWithoutLinesBelongsToItsCallStep() throws IOException {
    // lineless (a class without line numbers: no probes, its call step at line 1) calls helper, then prints
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "main", 3, 0).method(1, "lineless", 1, 1, "arg0").method(2, "helper", 8, 0)
        .probe(0, 0, 3).probe(1, 2, 8).probe(2, 0, 4)
        .call(0).step(0)
        .call(1).intValue(0, 42)
        .call(2).step(1).ret(2)
        .stdout("from lineless\n")
        .ret(1)
        .step(2)
        .ret(0);
    TraceModel model = expand(log).model();
    int step = model.output().get(0).step();
    assertThat(model.step(step).line()).isEqualTo(1);
    assertThat(model.step(step).call().function()).isEqualTo("Main.lineless");
    assertThat(model.valueAt(step, "arg0").map(model::render)).hasValue("42");
  }

  @Test
  void outputAfterTheOutermostRecordedMethodReturnedAddsNoStep() throws IOException {
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "main", 3, 0).probe(0, 0, 3)
        .call(0).step(0).ret(0)
        .stdout("from a shutdown hook\n");
    Expanded e = expand(log);
    TraceModel model = e.model();
    assertThat(model.stepCount()).isEqualTo(1);
    assertThat(e.result().stepsAddedForOutput()).isZero();
    assertThat(model.output()).singleElement().satisfies(o -> assertThat(o.step()).isZero());
  }

  @Test
  void outputAfterACallReturnedToAMethodEnteredBeforeTheRecordingBelongsToItsLine() throws IOException {
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "test", 3, 0).method(1, "helper", 8, 0)
        .probe(0, 0, 4).probe(1, 1, 8)
        .step(0)
        .call(1).step(1).ret(1)
        .stdout("after helper\n")
        .ret(0);
    TraceModel model = expand(log).model();
    int step = model.output().get(0).step();
    assertThat(model.step(step).line()).isEqualTo(4);
    assertThat(model.stepCount()).isEqualTo(3);
  }

  @Test
  void outputInAHandlerAfterAnExceptionLeftSeveralFramesAddsNoStep() throws IOException {
    ChangeLogFixture log = new ChangeLogFixture()
        .method(0, "main", 3, 0).method(1, "outer", 7, 0).method(2, "inner", 11, 0)
        .probe(0, 0, 4).probe(1, 1, 7).probe(2, 2, 11).handlerEntry(3, 0).probe(4, 0, 5)
        .call(0).step(0)
        .call(1).step(1).call(2).step(2)
        .thrown(2, "java.lang.IllegalStateException: boom").thrown(1, "java.lang.IllegalStateException: boom")
        .step(3).step(4).stdout("caught\n")
        .ret(0);
    TraceModel model = expand(log).model();
    assertThat(model.stepCount()).isEqualTo(4);
    assertThat(model.step(model.output().get(0).step()).line()).isEqualTo(5);
  }

  @Test
  void elementEventsChangeTheArrayOfTheirLocal() throws IOException {
    ChangeLogFixture log = new ChangeLogFixture()
        .define(new RawDefinition.TypeName(WellKnownTypes.FIRST_DYNAMIC_ID, "int[]"))
        .method(0, "main", 3, 0, "a")
        .probe(0, 0, 3).probe(1, 0, 4, 0).probe(2, 0, 5, 0)
        .call(0).step(0).intArray(0, 1, 2, 3)
        .step(1).element(0, 1, 20).element(0, 9, 99)
        .step(2);
    Expanded e = expand(log);
    TraceModel model = e.model();
    assertThat(model.render(model.valueAt(model.stepsAt(ChangeLogFixture.PATH, 4).get(0), "a").orElseThrow())).isEqualTo("[1, 2, 3]");
    assertThat(model.render(model.valueAt(model.stepsAt(ChangeLogFixture.PATH, 5).get(0), "a").orElseThrow())).isEqualTo("[1, 20, 3]");
  }

  @Test
  void aSpliceReplacesElementsInTheMiddleOfTheVariablesPreviousValue() throws IOException {
    ChangeLogFixture log = new ChangeLogFixture()
        .define(new RawDefinition.TypeName(WellKnownTypes.FIRST_DYNAMIC_ID, "int[]"))
        .method(0, "main", 3, 0, "a", "b")
        .probe(0, 0, 3).probe(1, 0, 4, 0).probe(2, 0, 5, 0).probe(3, 0, 6, 0).probe(4, 0, 7, 0, 1)
        .call(0).step(0).intArray(0, 1, 2, 3, 4)
        .step(1).splicedIntArray(0, 4, 5, 1, 2, 20, 30, 35)
        .step(2).splicedIntArray(0, 5, 9, 0, 1)
        .step(3).splicedIntArray(1, 2, 2, 0, 1, 7)
        .step(4);
    Expanded e = expand(log);
    TraceModel model = e.model();
    assertThat(model.render(model.valueAt(model.stepsAt(ChangeLogFixture.PATH, 5).get(0), "a").orElseThrow())).isEqualTo("[1, 20, 30, 35, 4]");
    assertThat(model.render(model.valueAt(model.stepsAt(ChangeLogFixture.PATH, 6).get(0), "a").orElseThrow()))
        .isEqualTo("[20, 30, 35, 4, ...(5 more, 9 in all)]");
    // a splice of a variable whose previous value the log never gave
    assertThat(model.render(model.valueAt(model.stepsAt(ChangeLogFixture.PATH, 7).get(0), "b").orElseThrow()))
        .contains("lost: a sequence changed from an unknown value");
  }

  @Test
  void aLogCutShortByAKillStillExpandsToAValidStream() throws IOException {
    ChangeLogFixture log = sumProgram();
    Path raw = log.write(dir.resolve("trace.raw"), false);
    byte[] bytes = Files.readAllBytes(raw);
    Files.write(raw, java.util.Arrays.copyOf(bytes, bytes.length - 7));
    Path json = dir.resolve("cut.json");
    ExpansionResult result;
    try (RawLogReader reader = new RawLogReader(raw); JsonTraceWriter writer = JsonTraceWriter.create(json)) {
      result = new TraceExpander(writer, limit -> false, ExpansionLimits.defaults()).expand(reader);
    }
    assertThat(result.logWasCut()).isTrue();
    assertThat(TraceModel.load(json).stepCount()).isZero();
  }

  @Test
  void eventsSurviveTheirCompactEncoding() {
    long[] events = {
      7, RawEvents.call(3), RawEvents.ret(1_000_000), RawEvents.thrown(2), RawEvents.output(RawEvents.STDERR),
      RawEvents.value(RawEvents.valueMeta(RawEvents.K_INT, 4), -5),
      RawEvents.value(RawEvents.valueMeta(RawEvents.K_INT, 4), Integer.MIN_VALUE),
      RawEvents.value(RawEvents.valueMeta(RawEvents.K_CHAR, 65_535), 'x'),
      RawEvents.value(RawEvents.valueMeta(RawEvents.K_FLOAT, 2), Float.floatToRawIntBits(-2.5f)),
      RawEvents.value(RawEvents.valueMeta(RawEvents.K_LONG, 1), 0), Long.MIN_VALUE,
      RawEvents.value(RawEvents.valueMeta(RawEvents.K_DOUBLE, 1), 0), Double.doubleToRawLongBits(Math.PI),
      RawEvents.value(RawEvents.valueMeta(RawEvents.K_REF, RawEvents.RETURN_SLOT), 0),
      RawEvents.element(3, 1 << 30)
    };
    EventCodec codec = new EventCodec();
    codec.encode(events, events.length);
    assertThat(EventCodec.decode(codec.bytes(), 0, codec.size(), events.length)).containsExactly(events);
    assertThat(codec.size()).isLessThan(events.length * 8);
  }

  @Test
  void aLoopsRepeatedStepsAndCallsAreWrittenAsRepeatsAndDecodeToTheSameEvents() {
    List<Long> loop = new ArrayList<>();
    loop.add(RawEvents.call(1));
    for (int round = 0; round < 1000; round++) {
      loop.add(10L);
      loop.add(11L);
      loop.add(RawEvents.call(2));
      loop.add(20L);
      loop.add(RawEvents.ret(2));
      if (round % 100 == 99) {
        // a value breaks the run; so does a long whose payload looks like a step
        loop.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_LONG, 1), 0));
        loop.add(10L);
        loop.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_INT, 1), round));
      }
    }
    loop.add(RawEvents.ret(1));
    long[] events = loop.stream().mapToLong(Long::longValue).toArray();
    EventCodec codec = new EventCodec();
    codec.encode(events, events.length);
    assertThat(EventCodec.decode(codec.bytes(), 0, codec.size(), events.length)).containsExactly(events);
    assertThat(codec.size()).as("encoded bytes").isLessThan(events.length / 20);
  }

  @Test
  void aRepeatReachingOutsideItsChunkIsRejected() {
    EventCodec codec = new EventCodec();
    long[] events = {5, 6, 5, 6, 5, 6, 5, 6};
    codec.encode(events, events.length);
    byte[] bytes = Arrays.copyOf(codec.bytes(), codec.size());
    // the same bytes read as a chunk that starts later: the repeat's distance reaches before it
    byte[] cut = Arrays.copyOfRange(bytes, 1, bytes.length);
    assertThatThrownBy(() -> EventCodec.decode(cut, 0, cut.length, events.length - 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aChangeLogOfAnotherFormatVersionSaysSo() throws IOException {
    Path older = Files.write(dir.resolve("older.raw"), "CTJRAW02".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> new RawLogReader(older))
        .hasMessageContaining("another version of the JVM recorder (format CTJRAW02; this codetracer reads " + new String(RawLog.MAGIC, java.nio.charset.StandardCharsets.US_ASCII));
    Path other = Files.write(dir.resolve("other.raw"), "PK\u0003\u0004xxxx".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> new RawLogReader(other)).hasMessageEndingWith("is not a codetracer change log");
  }

  @Test
  void definitionsSurviveTheirJson() throws IOException {
    List<RawDefinition> definitions = List.of(
        new RawDefinition.Method(1, "a.B", "m", "(I)V", "a.B.m", "/p/B.java", true, 3,
            List.of(new RawDefinition.Variable(0, "x", "I", false), new RawDefinition.Variable(1, "token", "Ljava/lang/String;", true)),
            new int[] {0}, -1),
        new RawDefinition.Probe(2, 1, 4, new int[] {0, 1}),
        new RawDefinition.Layout(3, "a.B", List.of("x", "y")),
        new RawDefinition.TypeName(64, "ArrayList"),
        new RawDefinition.Fact("java_version", "17"),
        new RawDefinition.Fact("value_depth", 2L),
        new RawDefinition.Fact("recorder_killed", true));
    List<RawDefinition> read = DefinitionCodec.read(DefinitionCodec.write(definitions));
    assertThat(read).usingRecursiveFieldByFieldElementComparator().isEqualTo(definitions);
  }

  /**
   * main: line 3 {@code a = 1}, 4 {@code b = a + 1}, 5 {@code c = 10 / d} (throws when d is 0), 6
   * {@code a = c}, then a handler at line 8. As probes per line, and as one run for lines 3 to 6
   * with a marker at the handler's entry: the same stream, with and without the exception.
   */
  private static ChangeLogFixture straightLines(boolean asRun, boolean throwsAtLine5) {
    ChangeLogFixture log = new ChangeLogFixture().method(0, "main", 3, 0, "a", "b", "c", "d");
    int[] all = {0, 1, 2, 3};
    if (asRun) {
      log.run(0, 0, 3, all,
              List.of(new RawDefinition.RunLine(4, all), new RawDefinition.RunLine(5, all), new RawDefinition.RunLine(6, all)),
              0, -1, 1, -2, 2, -3, 0)
          .handlerEntry(9, 0)
          .probe(8, 0, 8, all);
    } else {
      log.probe(0, 0, 3, all).probe(1, 0, 4, all).probe(2, 0, 5, all).probe(3, 0, 6, all).probe(8, 0, 8, all);
    }
    log.call(0).intValue(3, throwsAtLine5 ? 0 : 2);
    log.step(0).intValue(0, 1);
    if (!asRun) {
      log.step(1);
    }
    log.intValue(1, 2);
    if (!asRun) {
      log.step(2);
    }
    if (throwsAtLine5) {
      if (asRun) {
        log.step(9);
      }
      // the handler stores the exception's message length into b, then its line
      log.intValue(1, 99).step(8);
    } else {
      log.intValue(2, 5);
      if (!asRun) {
        log.step(3);
      }
      log.intValue(0, 5);
    }
    return log.intValue(RawEvents.RETURN_SLOT, 0).ret(0);
  }

  @Test
  void aRunOfLinesExpandsAsAProbePerLineWouldAlsoWhenAnExceptionCutsItShort() throws IOException {
    for (boolean throwing : new boolean[] {false, true}) {
      Expanded lines = expand(straightLines(false, throwing));
      Expanded run = expand(straightLines(true, throwing));
      assertThat(run.events()).as(throwing ? "with the exception" : "without").isEqualTo(lines.events());
      List<Long> steps = java.util.stream.IntStream.range(0, run.model().stepCount())
          .mapToObj(i -> run.model().step(i).line()).toList();
      assertThat(steps).isEqualTo(throwing ? List.of(3L, 4L, 5L, 8L) : List.of(3L, 4L, 5L, 6L));
    }
  }

  @Test
  void runProbesSurviveTheChangeLogsDefinitions() throws IOException {
    RawDefinition.Probe probe = new RawDefinition.Probe(7, 1, 3, new int[] {0},
        List.of(new RawDefinition.RunLine(4, new int[] {0, 1})), new int[] {1, -1, 65535});
    List<RawDefinition> read = DefinitionCodec.read(DefinitionCodec.write(List.of(probe, RawDefinition.Probe.handlerEntry(8, 1))));
    RawDefinition.Probe back = (RawDefinition.Probe) read.get(0);
    assertThat(back.following()).hasSize(1);
    assertThat(back.following().get(0).line()).isEqualTo(4);
    assertThat(back.following().get(0).visible()).containsExactly(0, 1);
    assertThat(back.items()).containsExactly(1, -1, 65535);
    assertThat(back.steps()).isEqualTo(2);
    assertThat(((RawDefinition.Probe) read.get(1)).isHandlerEntry()).isTrue();
    assertThat(((RawDefinition.Probe) read.get(1)).steps()).isZero();
  }
}
