package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.jvm.AgentOptions;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.testing.Jvm;
import dev.codetracer.core.trace.EventLogKind;
import dev.codetracer.core.trace.TraceModel;
import dev.codetracer.core.trace.TypeSpecificInfo;
import dev.codetracer.core.trace.ValueRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the recordings of the samples hold: lines, calls, arguments, locals, returns, output. */
class RecordingContentIT {
  private static TraceModel model(String sample) {
    return Recordings.check(recorded(sample).folder());
  }

  private static SampleRun recorded(String sample) {
    return SampleRuns.recorded(sample, Jvm.JAVA_17, Samples.Debug.FULL, "");
  }

  private static String render(TraceModel model, ValueRecord value) {
    return model.render(value);
  }

  private static Map<String, String> args(TraceModel model, TraceModel.Call call) {
    return call.args().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> render(model, e.getValue()), (a, b) -> a, java.util.LinkedHashMap::new));
  }

  @Test
  void loopsHaveEveryLineTheLocalsThereAndTheReturnValue() {
    TraceModel model = model("samples.Loops");
    Path source = Samples.source("samples.Loops");
    assertThat(model.paths()).contains(source.toString());

    List<TraceModel.Call> sums = model.callsOf("samples.Loops.sum");
    assertThat(sums).hasSize(1);
    assertThat(args(model, sums.get(0))).containsExactly(Map.entry("n", "4"));
    assertThat(sums.get(0).returnValue().map(model::render)).hasValue("6");
    assertThat(sums.get(0).parent().orElseThrow().function()).isEqualTo("samples.Loops.main");

    // line 7 (total += i) runs four times, with i = 0..3 and total before the addition
    assertThat(Recordings.valuesAtLine(model, source, 7, "i")).containsExactly("0", "1", "2", "3");
    assertThat(Recordings.valuesAtLine(model, source, 7, "total")).containsExactly("0", "0", "1", "3");
    assertThat(Recordings.valuesAtLine(model, source, 8, "total")).containsExactly("6");

    int printStep = model.stepsAt(source.toString(), 17).get(0);
    Map<String, ValueRecord> locals = model.variablesAt(printStep);
    assertThat(locals.keySet()).containsExactly("args", "s", "big", "ratio", "letter", "flag");
    assertThat(render(model, locals.get("s"))).isEqualTo("6");
    assertThat(render(model, locals.get("big"))).isEqualTo("1099511627776");
    assertThat(render(model, locals.get("ratio"))).isEqualTo("1.5");
    assertThat(render(model, locals.get("letter"))).isEqualTo("'x'");
    assertThat(render(model, locals.get("flag"))).isEqualTo("true");
    assertThat(model.type(locals.get("big").typeId()).langType()).isEqualTo("long");

    assertThat(model.output()).hasSize(1);
    assertThat(model.output().get(0).kind()).isEqualTo(EventLogKind.WRITE);
    assertThat(model.output().get(0).content()).isEqualTo("6 1099511627776 1.5 x true\n");
    assertThat(model.output().get(0).step()).isEqualTo(printStep);
    assertThat(model.error()).isEmpty();
  }

  @Test
  void recursionNestsCallsAndReturnsEachValue() {
    TraceModel model = model("samples.Recursion");
    List<TraceModel.Call> calls = model.callsOf("samples.Recursion.factorial");
    assertThat(calls).hasSize(5);
    assertThat(calls).extracting(c -> args(model, c).get("n")).containsExactly("5", "4", "3", "2", "1");
    assertThat(calls).extracting(c -> c.returnValue().map(model::render).orElse(null))
        .containsExactly("120", "24", "6", "2", "1");
    for (int i = 1; i < calls.size(); i++) {
      assertThat(calls.get(i).parent()).hasValue(calls.get(i - 1));
    }
  }

  @Test
  void methodsLeftByAnExceptionStillReturnWithTheException() {
    TraceModel model = model("samples.Exceptions");
    List<TraceModel.Call> fails = model.callsOf("samples.Exceptions.fail");
    assertThat(fails).hasSize(3);
    assertThat(fails).allSatisfy(call -> {
      assertThat(call.returned()).isTrue();
      assertThat(call.returnValue().map(model::render).orElseThrow())
          .contains("threw java.lang.IllegalStateException: deep failure");
    });
    List<TraceModel.Call> parses = model.callsOf("samples.Exceptions.parse");
    assertThat(parses).hasSize(2);
    assertThat(parses.get(0).returnValue().map(model::render)).hasValue("42");
    assertThat(parses.get(1).returnValue().map(model::render).orElseThrow())
        .contains("threw java.lang.NumberFormatException: For input string: \"x\"");
    assertThat(model.callsOf("samples.Exceptions.safeParse")).extracting(c -> c.returnValue().map(model::render).orElse(null))
        .containsExactly("42", "-1");
    assertThat(model.standardOutput()).isEqualTo("parsed 42\nparsed x\ncaught deep failure\nwrapped while failing\n41\n");
    assertThat(model.error()).isEmpty();
  }

  /** The lines of a call's own steps, in order. */
  private static List<Long> linesOf(TraceModel model, TraceModel.Call call) {
    return java.util.stream.IntStream.rangeClosed(call.firstStep(), call.lastStep())
        .mapToObj(model::step)
        .filter(step -> step.call().equals(call))
        .map(TraceModel.Step::line)
        .toList();
  }

  @Test
  void aRunOfLinesCutShortByAnExceptionEndsAtTheLineThatThrew() {
    TraceModel model = model("samples.RunExceptions");
    List<TraceModel.Call> divides = model.callsOf("samples.RunExceptions.divide");
    assertThat(linesOf(model, divides.get(0))).containsExactly(9L, 10L, 11L, 12L);
    assertThat(linesOf(model, divides.get(1))).as("7 / 0 throws at line 10").containsExactly(9L, 10L);
    assertThat(divides.get(1).returnValue().map(model::render).orElseThrow()).contains("threw java.lang.ArithmeticException");
    List<TraceModel.Call> stores = model.callsOf("samples.RunExceptions.store");
    assertThat(linesOf(model, stores.get(0))).containsExactly(16L, 17L, 18L, 19L, 20L);
    assertThat(linesOf(model, stores.get(1))).as("cells[5] throws at line 17").containsExactly(16L, 17L);
    List<TraceModel.Call> fields = model.callsOf("samples.RunExceptions.field");
    assertThat(linesOf(model, fields.get(0))).containsExactly(24L, 25L, 26L, 27L);
    assertThat(linesOf(model, fields.get(1))).as("null.count throws at line 25").containsExactly(24L, 25L);
    List<TraceModel.Call> caught = model.callsOf("samples.RunExceptions.caughtHere");
    assertThat(linesOf(model, caught.get(1))).contains(34L, 38L).doesNotContain(35L, 36L);
    assertThat(caught.get(1).returnValue().map(model::render)).hasValue("-1");
    assertThat(model.callsOf("samples.RunExceptions.noLine")).extracting(c -> c.returnValue().map(model::render).orElse(null))
        .containsExactly("\"ab2\"", "\"npe\"");
  }

  @Test
  void anUncaughtExceptionEndsTheStreamWithAnError() {
    SampleRun run = recorded("samples.Uncaught");
    assertThat(run.exitCode()).isEqualTo(1);
    TraceModel model = Recordings.check(run.folder());
    assertThat(model.error()).isPresent();
    assertThat(model.error().get().content()).contains("java.lang.IllegalArgumentException: too big: 3");
    List<TraceModel.Call> checks = model.callsOf("samples.Uncaught.check");
    assertThat(checks).hasSize(4);
    assertThat(model.output()).anySatisfy(o -> {
      assertThat(o.kind()).isEqualTo(EventLogKind.WRITE_OTHER);
      assertThat(o.content()).contains("Exception in thread \"main\"");
    });
    assertThat(Recordings.metadata(run.folder()).extra().get("uncaught_exception").toString()).contains("too big: 3");
  }

  @Test
  void theJvmsHandlingOfAnUncaughtExceptionIsNotRecordedButItsOutputIs() {
    SampleRun run = recorded("samples.UncaughtLoud");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains("samples.UncaughtLoud$Loud: loud");
    TraceModel model = Recordings.check(run.folder());
    // the recorder reads the exception's fields (no message there), never its getMessage
    assertThat(model.error()).hasValueSatisfying(error -> assertThat(error.content()).isEqualTo("samples.UncaughtLoud$Loud"));
    assertThat(model.callsOf("samples.UncaughtLoud.Loud.getMessage")).as("called by the JVM after main").isEmpty();
    assertThat(model.standardOutput()).isEqualTo("before 1\nasked\n");
    assertThat(model.output()).anySatisfy(o -> {
      assertThat(o.kind()).isEqualTo(EventLogKind.WRITE_OTHER);
      assertThat(o.content()).contains("samples.UncaughtLoud$Loud: loud");
    });
    assertThat(Recordings.metadata(run.folder()).extra().get("uncaught_exception")).isEqualTo("samples.UncaughtLoud$Loud");
  }

  @Test
  void anExceptionCaughtByCodeThatIsNotRecordedLeavesTheRecordingGoingOn() {
    SampleRun run = SampleRuns.recorded("samples.CaughtOutside", Jvm.JAVA_17, Samples.Debug.FULL, "includes=samples.CaughtOutside$Work");
    assertThat(run.stdout()).isEqualTo("caught no 1\n4\n");
    TraceModel model = Recordings.check(run.folder());
    assertThat(model.topLevelCall().children()).extracting(TraceModel.Call::function)
        .containsExactly("samples.CaughtOutside.Work.fail", "samples.CaughtOutside.Work.twice");
    assertThat(model.callsOf("samples.CaughtOutside.Work.twice").get(0).returnValue().map(model::render)).hasValue("4");
    assertThat(model.error()).isEmpty();
    assertThat(Recordings.metadata(run.folder()).extra()).doesNotContainKey("uncaught_exception");
  }

  @Test
  void aStackOverflowIsRaisedInTheProgramsCodeAndNamedWhenUncaught() {
    SampleRun caught = recorded("samples.OverflowTop");
    assertThat(caught.stdout()).isEqualTo("overflowed in samples\n");
    Recordings.check(caught.folder());

    SampleRun uncaught = SampleRuns.recorded("samples.OverflowTop", Jvm.JAVA_17, Samples.Debug.FULL, "", "uncaught");
    assertThat(uncaught.exitCode()).isEqualTo(1);
    assertThat(uncaught.stderr()).startsWith("Exception in thread \"main\" java.lang.StackOverflowError\n\tat samples.OverflowTop.down(");
    TraceModel model = Recordings.check(uncaught.folder());
    assertThat(model.callsOf("samples.OverflowTop.main").get(0).returnValue().map(model::render))
        .hasValue("<error: threw java.lang.StackOverflowError>");
    assertThat(Recordings.metadata(uncaught.folder()).extra().get("uncaught_exception")).isEqualTo("java.lang.StackOverflowError");
  }

  @Test
  void lambdasHaveReadableNamesAndTheirCalls() {
    TraceModel model = model("samples.LambdasStreams");
    assertThat(model.callsOf("samples.LambdasStreams.main.<lambda#0>")).hasSize(4);
    assertThat(model.callsOf("samples.LambdasStreams.main.<lambda#1>")).hasSize(3);
    TraceModel.Call add = model.callsOf("samples.LambdasStreams.main.<lambda#2>").get(0);
    assertThat(args(model, add)).containsExactly(Map.entry("a", "3"), Map.entry("b", "4"));
    assertThat(add.returnValue().map(model::render)).hasValue("7");
    assertThat(model.standardOutput()).isEqualTo("hello from a lambda\n[ALPHA, GAMMA, DELTA] 7\n");
  }

  @Test
  void recordsAreStructsAndEnumsTheirConstant() {
    TraceModel model = model("samples.RecordsSwitch");
    Path source = Samples.source("samples.RecordsSwitch");
    int step = model.stepsAt(source.toString(), 28).get(0);
    ValueRecord point = model.valueAt(step, "p").orElseThrow();
    assertThat(render(model, point)).isEqualTo("samples.RecordsSwitch.Point{x=3, y=-4}");
    TypeSpecificInfo.Struct struct = (TypeSpecificInfo.Struct) model.type(point.typeId()).specificInfo();
    assertThat(struct.fields()).extracting(TypeSpecificInfo.Field::name).containsExactly("x", "y");
    assertThat(render(model, model.valueAt(step, "shape").orElseThrow())).isEqualTo("SQUARE");
    assertThat(render(model, model.valueAt(step, "distance").orElseThrow())).isEqualTo("7");
    assertThat(model.callsOf("samples.RecordsSwitch.describe").get(0).returnValue().map(model::render))
        .hasValue("\"four corners\"");
    assertThat(model.callsOf("samples.RecordsSwitch.Point.manhattan")).hasSize(1);
    assertThat(model.callsOf("samples.RecordsSwitch.Point.<constructor>")).hasSize(1);
  }

  @Test
  void innerAnonymousAndNestedClassesHaveReadableNames() {
    TraceModel model = model("samples.InnerClasses");
    assertThat(model.callsOf("samples.InnerClasses.Adder.add")).hasSize(1);
    assertThat(model.callsOf("samples.InnerClasses.Counter.increment")).hasSize(2);
    assertThat(model.callsOf("samples.InnerClasses$1.compare")).hasSize(1);
    assertThat(model.callsOf("samples.InnerClasses.<constructor>")).hasSize(1);
    TraceModel.Call add = model.callsOf("samples.InnerClasses.Adder.add").get(0);
    assertThat(args(model, add)).containsEntry("x", "2");
    assertThat(add.returnValue().map(model::render)).hasValue("12");
  }

  @Test
  void theArgumentsOfSuperAndThisAreComputedInsideTheConstructor() {
    SampleRun run = recorded("samples.Constructors");
    assertThat(run.stdout()).isEqualTo("refused negative: -1\nrefused too big: 120\nchild 6 child 14\n");
    TraceModel model = Recordings.check(run.folder());
    Path source = Samples.source("samples.Constructors");
    String child = "samples.Constructors.Child.<constructor>";
    List<TraceModel.Call> children = model.callsOf(child);
    // new Child(3), new Child() and the Child(7) it delegates to, new Child(-1), new Child(60)
    assertThat(children).hasSize(5);
    assertThat(children).extracting(call -> call.parent().orElseThrow().function())
        .containsExactly("samples.Constructors.main", "samples.Constructors.main", child, "samples.Constructors.main",
            "samples.Constructors.main");
    assertThat(args(model, children.get(0))).containsExactly(Map.entry("raw", "3"));
    assertThat(children.get(0).children()).extracting(TraceModel.Call::function)
        .containsExactly("samples.Constructors.Child.validate", "samples.Constructors.Base.<constructor>");
    assertThat(linesOf(model, children.get(0))).containsExactly(24L, 25L, 26L);
    assertThat(Recordings.valuesAtLine(model, source, 26, "this")).first().asString().contains("size=6");
    // this with every field still at its default (one snapshot for all of them), then after super(...) set one
    assertThat(Recordings.valuesAtLine(model, source, 13, "this")).hasSize(3).containsOnly("samples.Constructors.Child{size=0, label=None}");
    assertThat(Recordings.valuesAtLine(model, source, 25, "this"))
        .containsExactly("samples.Constructors.Child{size=6, label=None}", "samples.Constructors.Child{size=14, label=None}");
    assertThat(children.get(1).children()).containsExactly(children.get(2));
    assertThat(args(model, children.get(2))).containsExactly(Map.entry("raw", "7"));

    // validate(-1) throws before super(...)
    TraceModel.Call refused = children.get(3);
    assertThat(refused.children()).extracting(TraceModel.Call::function).containsExactly("samples.Constructors.Child.validate");
    assertThat(refused.returnValue().map(model::render).orElseThrow()).contains("threw java.lang.IllegalArgumentException: negative: -1");
    assertThat(linesOf(model, refused)).containsExactly(24L);
    // super(120) throws: no handler can cover that call, the reader closes the constructor
    TraceModel.Call tooBig = children.get(4);
    assertThat(tooBig.children()).extracting(TraceModel.Call::function)
        .containsExactly("samples.Constructors.Child.validate", "samples.Constructors.Base.<constructor>");
    assertThat(tooBig.returnValue().map(model::render).orElseThrow()).contains("threw java.lang.IllegalArgumentException: too big: 120");
    assertThat(model.error()).isEmpty();

    // the recorder's count of calls came back to main: it sees the exception leave main
    SampleRun uncaught = SampleRuns.recorded("samples.Constructors", Jvm.JAVA_17, Samples.Debug.FULL, "", "uncaught");
    TraceModel ended = Recordings.check(uncaught.folder());
    assertThat(ended.callsOf("samples.Constructors.Loud.getMessage")).as("called by the JVM after main").isEmpty();
    assertThat(Recordings.metadata(uncaught.folder()).extra().get("uncaught_exception")).isEqualTo("samples.Constructors$Loud");
  }

  @Test
  void staticInitialisersRunBeforeMain() {
    TraceModel model = model("samples.StaticInit");
    List<TraceModel.Call> top = model.topLevelCall().children();
    assertThat(top).extracting(TraceModel.Call::function)
        .containsExactly("samples.StaticInit.<static initializer>", "samples.StaticInit.main");
    Path source = Samples.source("samples.StaticInit");
    assertThat(Recordings.valuesAtLine(model, source, 16, "sum")).containsExactly("0", "0", "1", "5");
  }

  @Test
  void reflectionAndProxiesReachRecordedCode() {
    TraceModel reflection = model("samples.Reflection");
    TraceModel.Call triple = reflection.callsOf("samples.Reflection.triple").get(0);
    assertThat(args(reflection, triple)).containsExactly(Map.entry("x", "14"));
    assertThat(triple.returnValue().map(reflection::render)).hasValue("42");

    TraceModel proxies = model("samples.Proxies");
    TraceModel.Call invoke = proxies.callsOf("samples.Proxies.LoggingHandler.invoke").get(0);
    assertThat(invoke.returnValue().map(proxies::render)).hasValue("\"hello proxy via greet\"");
    assertThat(args(proxies, invoke).get("proxy")).matches("samples\\.\\$Proxy\\d+");
  }

  @Test
  void mocksAreSkippedAndTheCodeUsingThemRecorded() {
    TraceModel model = model("samples.Mocks");
    TraceModel.Call total = model.callsOf("samples.Mocks.total").get(0);
    assertThat(total.returnValue().map(model::render)).hasValue("11");
    assertThat(model.standardOutput()).isEqualTo("total 11\n");
  }

  @Test
  void otherThreadsRunUnrecordedAndTheMetadataNamesThem() {
    SampleRun run = recorded("samples.Threads");
    TraceModel model = Recordings.check(run.folder());
    List<TraceModel.Call> works = model.callsOf("samples.Threads.work");
    assertThat(works).hasSize(1);
    assertThat(args(model, works.get(0))).containsExactly(Map.entry("n", "10"));
    assertThat(model.standardOutput()).isEqualTo("4950 19900 45\n");
    TraceMetadata metadata = Recordings.metadata(run.folder());
    assertThat(metadata.extra().get("threads_unrecorded")).asList().contains("worker-1", "worker-2");
  }

  @Test
  void manyOtherThreadsAreCountedAndTheFirstNamed() {
    SampleRun run = recorded("samples.ManyThreads");
    Recordings.check(run.folder());
    assertThat(run.stdout()).isEqualTo("sum of squares 40425\n");
    TraceMetadata metadata = Recordings.metadata(run.folder());
    assertThat(metadata.threadsUnrecorded()).hasSize(20).allMatch(name -> name.matches("#\\d+ \\(unnamed\\)"));
    assertThat(metadata.threadsUnrecordedCount()).isEqualTo(50);
  }

  @Test
  void systemExitFromDeepInsideLeavesAValidStream() {
    SampleRun run = recorded("samples.DeepExit");
    assertThat(run.exitCode()).isEqualTo(3);
    TraceModel model = Recordings.check(run.folder());
    assertThat(model.callsOf("samples.DeepExit.c")).hasSize(1);
    assertThat(model.callsOf("samples.DeepExit.c").get(0).returned()).isFalse();
    assertThat(model.standardOutput()).isEqualTo("exiting with 3\n");
  }

  @Test
  void aMapEntryOfTheJdkShowsItsKeyAndValueNotTheLinksOfItsMap() {
    TraceModel model = model("samples.MapEntries");
    String source = Samples.source("samples.MapEntries").toString();
    assertThat(render(model, model.variablesAt(model.stepsAt(source, 14).get(0)).get("entry")))
        .isEqualTo("TreeMap.Entry{key=\"a\", value=1}");
    assertThat(render(model, model.variablesAt(model.stepsAt(source, 17).get(1)).get("entry")))
        .isEqualTo("HashMap.Node{key=\"b\", value=2}");
    assertThat(render(model, model.variablesAt(model.stepsAt(source, 20).get(2)).get("entry")))
        .isEqualTo("ConcurrentHashMap.MapEntry{key=\"c\", val=3}");
    assertThat(render(model, model.variablesAt(model.stepsAt(source, 24).get(0)).get("first")))
        .as("changed in place: seen again after the call")
        .isEqualTo("TreeMap.Entry{key=\"a\", value=10}");
    assertThat(render(model, model.variablesAt(model.stepsAt(source, 25).get(0)).get("pair")))
        .isEqualTo("KeyValueHolder{key=\"x\", value=9}");
    assertThat(model.standardOutput()).isEqualTo("15 a=10 x=9\n");
  }

  @Test
  void aCaughtExceptionShowsItsMessageAndCauseNotTheJvmsBacktrace() {
    TraceModel model = model("samples.Exceptions");
    String source = Samples.source("samples.Exceptions").toString();
    assertThat(render(model, model.variablesAt(model.stepsAt(source, 31).get(0)).get("e")))
        .isEqualTo("IllegalStateException{detailMessage=\"deep failure\", cause=None, suppressedExceptions=[]}");
    assertThat(render(model, model.variablesAt(model.stepsAt(source, 33).get(0)).get("wrapped")))
        .isEqualTo("RuntimeException{detailMessage=\"while failing\", cause=IllegalStateException{detailMessage=\"deep failure\", "
            + "cause=None, suppressedExceptions=Collections.EmptyList{...}}, suppressedExceptions=[]}");
  }

  @Test
  void valuesOfCollectionsArraysStringsAndObjectsAreReadWithoutRunningTheirCode() {
    TraceModel model = model("samples.Values");
    Path source = Samples.source("samples.Values");
    int step = model.stepsAt(source.toString(), 61).get(0);
    Map<String, ValueRecord> locals = model.variablesAt(step);
    assertThat(render(model, locals.get("names"))).isEqualTo("[\"ada\", \"grace\"]");
    assertThat(render(model, locals.get("ages"))).isEqualTo("[(\"ada\", 36), (\"grace\", 85)]");
    assertThat(render(model, locals.get("sorted"))).isEqualTo("[(\"ada\", 36), (\"grace\", 85)]");
    assertThat(render(model, locals.get("hashed"))).isEqualTo("[(1, \"one\")]");
    ValueRecord.Sequence numbers = (ValueRecord.Sequence) locals.get("numbers");
    assertThat(numbers.elements()).hasSize(51);
    assertThat(render(model, numbers.elements().get(50))).isEqualTo("...(450 more, 500 in all)");
    assertThat(render(model, locals.get("longText"))).endsWith("...(5000 chars)\"").hasSize(256 + 2 + "...(5000 chars)".length());
    assertThat(render(model, locals.get("first")))
        .isEqualTo("samples.Values.Node{label=\"first\", next=samples.Values.Node{label=\"second\", next=<cycle: samples.Values.Node>, weights=int[]{...}}, weights=[1, 2]}");
    assertThat(render(model, locals.get("builder"))).isEqualTo("\"built42\"");
    assertThat(render(model, locals.get("password"))).isEqualTo("<error: <redacted>>");
    assertThat(render(model, locals.get("account")))
        .isEqualTo("samples.Values.Account{owner=\"ada\", password=<error: <redacted>>, apiKey=<error: <redacted>>}");
    assertThat(render(model, locals.get("empty"))).isEqualTo("[]");
    assertThat(Recordings.metadata(recorded("samples.Values").folder()).redactionPattern)
        .isEqualTo("(?i)(password|passwd|secret|token|api[_-]?key|auth|credential)");
  }

  @Test
  void methodsNamedLikeSecretsReturnTheRedactionMarker() {
    TraceModel model = model("samples.Secrets");
    assertThat(returnOf(model, "samples.Secrets.Creds.apiKey")).isEqualTo("<error: <redacted>>");
    assertThat(returnOf(model, "samples.Secrets.Login.getPassword")).isEqualTo("<error: <redacted>>");
    assertThat(returnOf(model, "samples.Secrets.Login.authToken")).isEqualTo("<error: <redacted>>");
    assertThat(returnOf(model, "samples.Secrets.Creds.user")).isEqualTo("\"ada\"");
    assertThat(returnOf(model, "samples.Secrets.Login.attempts")).isEqualTo("3");
    assertThat(model.standardOutput()).isEqualTo("ada 11 7 4242 3\n");
  }

  private static String returnOf(TraceModel model, String function) {
    return model.callsOf(function).get(0).returnValue().map(model::render).orElseThrow();
  }

  @Test
  void aJdkWrapperAroundTheProgramsSubclassIsAStructOfWhatItWraps() {
    TraceModel model = model("samples.WrappedSubclasses");
    Path source = Samples.source("samples.WrappedSubclasses");
    assertThat(Recordings.valuesAtLine(model, source, 25, "unmodifiableMap")).first().asString()
        .startsWith("Collections.UnmodifiableMap{m=samples.WrappedSubclasses.MyMap{").contains("size=1,");
    assertThat(Recordings.valuesAtLine(model, source, 25, "unmodifiableList")).first().asString()
        .startsWith("Collections.UnmodifiableRandomAccessList{c=samples.WrappedSubclasses.MyList{").contains("size=1}");
    assertThat(Recordings.valuesAtLine(model, source, 25, "synchronizedList")).first().asString()
        .startsWith("Collections.SynchronizedRandomAccessList{").contains("samples.WrappedSubclasses.MyList{");
    assertThat(Recordings.valuesAtLine(model, source, 25, "nested")).first().asString()
        .startsWith("Collections.UnmodifiableRandomAccessList{c=Collections.SynchronizedRandomAccessList{");
    assertThat(Recordings.valuesAtLine(model, source, 25, "plain")).first().isEqualTo("[\"x\"]");
    assertThat(Recordings.valuesAtLine(model, source, 28, "unmodifiableMap")).singleElement().asString().contains("size=2,");
    assertThat(model.standardOutput()).isEqualTo("1 1 1 1 1\n2\n");
  }

  @Test
  void floatsAreShownAsJavaPrintsThem() {
    TraceModel model = model("samples.Floats");
    Path source = Samples.source("samples.Floats");
    Map<String, ValueRecord> locals = model.variablesAt(model.stepsAt(source.toString(), 21).get(0));
    assertThat(List.of("f", "d", "fs", "boxed", "holder", "h")).extracting(name -> render(model, locals.get(name)))
        .containsExactly("0.1", "0.1", "[0.3, 0.0]", "0.7", "samples.Floats.Holder{field=0.1}", "0.15");
    TraceModel.Call half = model.callsOf("samples.Floats.half").get(0);
    assertThat(args(model, half)).containsExactly(Map.entry("x", "0.3"));
    assertThat(half.returnValue().map(model::render)).hasValue("0.15");
    assertThat(model.standardOutput()).isEqualTo("0.1 0.1 0.3 0.7 0.1 0.15\n");
  }

  @Test
  void outputBecomesWriteEventsAtTheStepsThatMadeIt() {
    TraceModel model = model("samples.Output");
    Path source = Samples.source("samples.Output");
    List<TraceModel.Output> output = model.output();
    assertThat(output).extracting(TraceModel.Output::content)
        .containsExactly("line one\n", "warning on stderr\n", "no newline", " then newline\n", "ünïcödé ✓\n");
    assertThat(output).extracting(TraceModel.Output::kind)
        .containsExactly(EventLogKind.WRITE, EventLogKind.WRITE_OTHER, EventLogKind.WRITE, EventLogKind.WRITE, EventLogKind.WRITE);
    assertThat(model.step(output.get(1).step()).line()).isEqualTo(6);
    assertThat(model.step(output.get(4).step()).line()).isEqualTo(9);
    assertThat(model.step(output.get(1).step()).path()).isEqualTo(source.toString());
  }

  @Test
  void outputWrittenAfterACallOnTheSameLineReturnedIsAtAStepOfTheCallersLine() {
    TraceModel model = model("samples.OutputAfterCalls");
    Path source = Samples.source("samples.OutputAfterCalls");
    List<TraceModel.Output> output = model.output();
    // printf writes "point " before it calls Point.toString, the rest after
    assertThat(output).extracting(TraceModel.Output::content)
        .containsExactly("total 6 last 10\n", "point ", "(1, 2)\n", "[1, 2, 3]\n", "done\n");
    assertThat(output.subList(0, 4)).extracting(o -> model.step(o.step()).line()).containsExactly(23L, 25L, 25L, 27L);
    assertThat(output).allSatisfy(o -> {
      assertThat(model.step(o.step()).path()).isEqualTo(source.toString());
      assertThat(model.step(o.step()).call().function()).isEqualTo("samples.OutputAfterCalls.main");
    });
    assertThat(model.valueAt(output.get(0).step(), "total").map(model::render)).hasValue("6");
    // the loop on line 22 has one line number entry, so one step, which its calls returning to it add none to
    assertThat(Recordings.valuesAtLine(model, source, 22, "total")).as("calls followed by no output add no step")
        .containsExactly("0");

    SampleRun lineless = SampleRuns.recorded("samples.OutputAfterCalls", Jvm.JAVA_17, Samples.Debug.NONE, "");
    TraceModel calls = Recordings.check(lineless.folder());
    assertThat(calls.output()).extracting(TraceModel.Output::content).contains("total 6 last 10\n");
    assertThat(calls.output()).as("at main's call step, its only one").allSatisfy(o ->
        assertThat(calls.step(o.step()).call().function()).isEqualTo("samples.OutputAfterCalls.main"));
  }

  @Test
  void aCharacterSplitBetweenTwoWritesIsRecordedWholeAtTheWriteThatEndsIt() {
    Path folder = SampleRuns.newFolder("split-characters");
    List<String> command = new java.util.ArrayList<>(
        SampleRuns.command(Jvm.JAVA_17, "output=" + folder, Samples.Debug.FULL, "samples.SplitCharacters"));
    command.add(1, "-Dsun.stderr.encoding=ISO-8859-1");
    SampleRun run = SampleRuns.run(command, folder);
    assertThat(run.exitCode()).isZero();
    TraceModel model = Recordings.check(run.folder());
    Path source = Samples.source("samples.SplitCharacters");

    List<TraceModel.Output> writes = model.output().stream().filter(o -> o.kind() == EventLogKind.WRITE).toList();
    // 8192 bytes hold 2730 euro signs and 2 bytes of the next, which the second write completes
    assertThat(writes.subList(0, 4)).extracting(o -> o.content().length()).containsExactly(2730, 2731, 2731, 808);
    assertThat(writes.subList(0, 4)).allSatisfy(o -> assertThat(o.content()).matches("€+"))
        .allSatisfy(o -> assertThat(model.step(o.step()).line()).isEqualTo(14));
    assertThat(model.standardOutput()).as("ends with a character left incomplete").isEqualTo("€".repeat(9000) + "\n\uFFFD");
    assertThat(model.output()).filteredOn(o -> o.kind() == EventLogKind.WRITE_OTHER).extracting(TraceModel.Output::content)
        .as("in the charset of standard error").containsExactly("café\n");
  }

  @Test
  void listsAndBuildersThatGrowAreRecordedAtEveryStep() {
    Path source = Samples.source("samples.Growth");
    TraceModel model = model("samples.Growth");
    assertThat(Recordings.valuesAtLine(model, source, 11, "numbers"))
        .containsExactly("[]", "[0]", "[0, 1]", "[0, 1, 2]", "[0, 1, 2, 3]");
    assertThat(Recordings.valuesAtLine(model, source, 11, "text"))
        .containsExactly("\"\"", "\"af\"", "\"afbg\"", "\"afbgch\"", "\"afbgchdi\"");
    assertThat(Recordings.valuesAtLine(model, source, 16, "numbers")).containsExactly("[42, 1, 2, 3, 4]");
    assertThat(Recordings.valuesAtLine(model, source, 16, "text")).containsExactly("\"Zfbgchdiej\"");

    SampleRun cut = SampleRuns.recorded("samples.Growth", Jvm.JAVA_17, Samples.Debug.FULL, "maxElements=3,maxString=8");
    TraceModel cutModel = Recordings.check(cut.folder());
    assertThat(Recordings.valuesAtLine(cutModel, source, 11, "numbers"))
        .containsExactly("[]", "[0]", "[0, 1]", "[0, 1, 2]", "[0, 1, 2, ...(1 more, 4 in all)]");
    assertThat(Recordings.valuesAtLine(cutModel, source, 11, "text"))
        .containsExactly("\"\"", "\"af\"", "\"afbg\"", "\"afbgch\"", "\"afbgchdi\"");
    assertThat(Recordings.valuesAtLine(cutModel, source, 15, "text")).containsExactly("\"afbgchdi...(10 chars)\"");
    assertThat(Recordings.valuesAtLine(cutModel, source, 16, "numbers")).containsExactly("[42, 1, 2, ...(2 more, 5 in all)]");
    assertThat(Recordings.valuesAtLine(cutModel, source, 16, "text")).containsExactly("\"Zfbgchdi...(10 chars)\"");
  }

  @Test
  void textIsCutBeforeAPairItWouldSplitAndAHalfOnItsOwnIsTheReplacementCharacter() {
    Path source = Samples.source("samples.Surrogates");
    SampleRun cut = SampleRuns.recorded("samples.Surrogates", Jvm.JAVA_17, Samples.Debug.FULL, "maxString=8");
    assertThat(cut.stdout()).isEqualTo("9 5 9\n");
    TraceModel model = Recordings.check(cut.folder());
    assertThat(Recordings.valuesAtLine(model, source, 9, "text")).containsExactly("\"bbbbbbb...(9 chars)\"");
    assertThat(Recordings.valuesAtLine(model, source, 9, "cutString")).containsExactly("\"ccccccc...(9 chars)\"");
    assertThat(Recordings.valuesAtLine(model, source, 9, "lone")).containsExactly("\"bad\uFFFDx\"");
  }

  @Test
  void aChangeInsideAnElementOfACollectionIsSeenAtTheNextStep() {
    Path source = Samples.source("samples.NestedChanges");
    TraceModel model = model("samples.NestedChanges");
    assertThat(Recordings.valuesAtLine(model, source, 17, "rows")).containsExactly("[]", "[[0, 0]]", "[[0, 0], [1, 1]]");
    assertThat(Recordings.valuesAtLine(model, source, 20, "rows")).containsExactly("[[0, 0], [7, 1], [2, 4]]");
    assertThat(Recordings.valuesAtLine(model, source, 22, "counters")).containsExactly("[(\"a\", samples.NestedChanges.Counter{count=0})]");
    assertThat(Recordings.valuesAtLine(model, source, 23, "counters")).containsExactly("[(\"a\", samples.NestedChanges.Counter{count=1})]");
    assertThat(Recordings.valuesAtLine(model, source, 24, "counters")).containsExactly("[(\"a\", samples.NestedChanges.Counter{count=2})]");
  }

  @Test
  void anArrayOrCollectionOfValuesThatCannotChangeShowsWhatItHeldAtEachStepThoughItChangesLater() {
    Path source = Samples.source("samples.KeptContainers");
    SampleRun run = recorded("samples.KeptContainers");
    assertThat(run.stdout()).isEqualTo("AqC[9, 9, 9]REDyz4{a=11, b=2}\n");
    TraceModel model = Recordings.check(run.folder());
    assertThat(Recordings.valuesAtLine(model, source, 28, "words")).containsExactly("[\"a\", \"b\", \"c\"]");
    assertThat(Recordings.valuesAtLine(model, source, 29, "words")).containsExactly("[\"A\", \"B\", \"C\"]");
    assertThat(model.callsOf("samples.KeptContainers.shout")).extracting(call -> args(model, call).get("words"))
        .containsExactly("[\"a\", \"b\", \"c\"]");
    assertThat(Recordings.valuesAtLine(model, source, 30, "counts")).containsExactly("[1, 2, None]");
    assertThat(Recordings.valuesAtLine(model, source, 31, "counts")).containsExactly("[9, 9, 9]");
    assertThat(Recordings.valuesAtLine(model, source, 32, "colors")).containsExactly("[RED]");
    // a builder among the elements: snapshotted at once, not kept
    assertThat(Recordings.valuesAtLine(model, source, 33, "mixed")).containsExactly("[\"x\", \"y\"]");
    assertThat(Recordings.valuesAtLine(model, source, 34, "mixed")).containsExactly("[\"x\", \"yz\"]");
    assertThat(Recordings.valuesAtLine(model, source, 35, "aliased")).containsExactly("[\"A\", \"B\", \"C\"]");
    // a change through one variable is seen through the other
    assertThat(Recordings.valuesAtLine(model, source, 36, "words")).containsExactly("[\"A\", \"q\", \"C\"]");
    assertThat(Recordings.valuesAtLine(model, source, 36, "aliased")).containsExactly("[\"A\", \"q\", \"C\"]");
    // a list of records, an argument, a wrapper of it, a map
    String p1 = "samples.KeptContainers.Point{x=1, label=\"p\"}";
    String p2 = "samples.KeptContainers.Point{x=2, label=\"q\"}";
    String p3 = "samples.KeptContainers.Point{x=3, label=\"r\"}";
    String p4 = "samples.KeptContainers.Point{x=4, label=\"s\"}";
    assertThat(Recordings.valuesAtLine(model, source, 37, "points")).containsExactly("[" + p1 + ", " + p2 + "]");
    assertThat(model.callsOf("samples.KeptContainers.change")).extracting(call -> args(model, call).get("list"))
        .containsExactly("[" + p1 + ", " + p2 + "]", "[" + p3 + ", " + p2 + "]");
    assertThat(Recordings.valuesAtLine(model, source, 38, "points")).containsExactly("[" + p3 + ", " + p2 + "]");
    assertThat(Recordings.valuesAtLine(model, source, 39, "view")).containsExactly("[" + p3 + ", " + p2 + "]");
    assertThat(Recordings.valuesAtLine(model, source, 40, "view")).containsExactly("[" + p4 + ", " + p2 + "]");
    assertThat(Recordings.valuesAtLine(model, source, 41, "totals")).containsExactly("[(\"a\", 1), (\"b\", 2)]");
    // line 42 again after the accessor x() it calls returned, for the output it writes then
    assertThat(Recordings.valuesAtLine(model, source, 42, "totals")).containsExactly("[(\"a\", 11), (\"b\", 2)]", "[(\"a\", 11), (\"b\", 2)]");
  }

  @Test
  void aStringBuilderAtTheDeepestLevelShownIsSeenChanging() {
    Path source = Samples.source("samples.DeepBuilders");
    SampleRun run = recorded("samples.DeepBuilders");
    assertThat(run.stdout()).isEqualTo("1 1 Xbc!\n");
    TraceModel model = Recordings.check(run.folder());
    assertThat(Recordings.valuesAtLine(model, source, 20, "people")).containsExactly("[samples.DeepBuilders.Person{note=\"abc\"}]");
    assertThat(Recordings.valuesAtLine(model, source, 21, "people")).containsExactly("[samples.DeepBuilders.Person{note=\"Xbc\"}]");
    assertThat(Recordings.valuesAtLine(model, source, 22, "people")).containsExactly("[samples.DeepBuilders.Person{note=\"Xbc!\"}]");
    assertThat(Recordings.valuesAtLine(model, source, 21, "nested")).containsExactly("[[\"Xbc\"]]");
    assertThat(Recordings.valuesAtLine(model, source, 22, "nested")).containsExactly("[[\"Xbc!\"]]");
  }

  @Test
  void aMapsKeySetValuesAndEntrySetShowWhatTheMapHolds() {
    Path source = Samples.source("samples.MapViews");
    SampleRun run = recorded("samples.MapViews");
    assertThat(run.stdout()).isEqualTo("[a, b] [1, 2] [a=1, b=2] [b, a] [1, 2]\n");
    TraceModel model = Recordings.check(run.folder());
    assertThat(Recordings.valuesAtLine(model, source, 17, "keys")).containsExactly("[\"a\"]");
    assertThat(Recordings.valuesAtLine(model, source, 18, "keys")).containsExactly("[\"a\", \"b\"]");
    assertThat(Recordings.valuesAtLine(model, source, 18, "values")).containsExactly("[1, 2]");
    assertThat(Recordings.valuesAtLine(model, source, 18, "entries")).containsExactly("[(\"a\", 1), (\"b\", 2)]");
    // a descending map's key set is a view of a view: recorded by its fields, as before
    assertThat(Recordings.valuesAtLine(model, source, 20, "treeValues")).containsExactly("[1, 2]");
  }

  @Test
  void aRecordHandedOutByItsConstructorShowsTheFieldsSetThen() {
    SampleRun run = recorded("samples.RecordEscape");
    assertThat(run.stdout()).isEqualTo("peek Pair[a=A, b=null]\npeek Pair[a=A, b=B]\n");
    TraceModel model = Recordings.check(run.folder());
    assertThat(model.callsOf("samples.RecordEscape.peek")).extracting(call -> args(model, call).get("o"))
        .containsExactly("samples.RecordEscape.Pair{a=\"A\", b=None}", "samples.RecordEscape.Pair{a=\"A\", b=\"B\"}");
  }

  @Test
  void aCallThatChangesACollectionIsSeenThroughEveryVariableThatShowsIt() {
    Path source = Samples.source("samples.CollectionCalls");
    SampleRun run = recorded("samples.CollectionCalls");
    assertThat(run.stdout()).isEqualTo("[a, b] [a, b] {x=2} 42 ab 1 {de=2, abc=3} {q=2, p=1} 2\n");
    TraceModel model = Recordings.check(run.folder());
    // the JDK's own list, through another variable and inside an object
    assertThat(Recordings.valuesAtLine(model, source, 55, "alias")).containsExactly("[\"a\"]");
    assertThat(Recordings.valuesAtLine(model, source, 56, "alias")).containsExactly("[\"a\", \"b\"]");
    assertThat(Recordings.valuesAtLine(model, source, 56, "holder")).containsExactly("samples.CollectionCalls.Holder{items=[\"a\", \"b\"]}");
    assertThat(Recordings.valuesAtLine(model, source, 56, "untouched")).containsExactly("[1, 2]");
    // a merge with a function of the JDK
    assertThat(Recordings.valuesAtLine(model, source, 59, "sameCounts")).containsExactly("[(\"x\", 1)]");
    assertThat(Recordings.valuesAtLine(model, source, 60, "sameCounts")).containsExactly("[(\"x\", 2)]");
    // the program's own list, whose add changes another object
    assertThat(Recordings.valuesAtLine(model, source, 63, "counter")).containsExactly("[1]");
    assertThat(Recordings.valuesAtLine(model, source, 64, "counter")).containsExactly("[2]");
    // next() moves the iterator a variable holds
    assertThat(Recordings.valuesAtLine(model, source, 66, "it")).doesNotContainAnyElementsOf(Recordings.valuesAtLine(model, source, 65, "it"));
    // a TreeMap whose comparator is the program's, and changes the counter
    assertThat(Recordings.valuesAtLine(model, source, 72, "counter")).containsExactly("[22]");
    assertThat(Recordings.valuesAtLine(model, source, 73, "counter")).containsExactly("[42]");
    // a get that moves the entry of a map in access order
    assertThat(Recordings.valuesAtLine(model, source, 76, "recent")).containsExactly("[(\"p\", 1), (\"q\", 2)]");
    assertThat(Recordings.valuesAtLine(model, source, 77, "recent")).containsOnly("[(\"q\", 2), (\"p\", 1)]");
  }

  @Test
  void listsAndMapsChangedInTheMiddleAreRecordedAtEveryStep() {
    Path source = Samples.source("samples.Splices");
    TraceModel model = model("samples.Splices");
    assertThat(Recordings.valuesAtLine(model, source, 14, "letters")).containsExactly("[\"a\", \"b\", \"c\", \"d\"]");
    assertThat(Recordings.valuesAtLine(model, source, 15, "letters")).containsExactly("[\"a\", \"B\", \"c\", \"d\"]");
    assertThat(Recordings.valuesAtLine(model, source, 16, "letters")).containsExactly("[\"a\", \"B\", \"x\", \"c\", \"d\"]");
    assertThat(Recordings.valuesAtLine(model, source, 17, "letters")).containsExactly("[\"a\", \"B\", \"x\", \"d\"]");
    assertThat(Recordings.valuesAtLine(model, source, 18, "letters")).containsExactly("[\"B\", \"x\", \"d\"]");
    assertThat(Recordings.valuesAtLine(model, source, 22, "counts")).containsExactly("[(\"not\", 1), (\"or\", 1), (\"be\", 2), (\"to\", 2)]");
    assertThat(Recordings.valuesAtLine(model, source, 24, "sorted")).containsExactly("[(\"and\", 9), (\"be\", 2), (\"not\", 1), (\"or\", 1), (\"to\", 2)]");
    assertThat(Recordings.valuesAtLine(model, source, 25, "sorted")).containsExactly("[(\"and\", 9), (\"be\", 2), (\"not\", 1), (\"to\", 2)]");
    assertThat(Recordings.valuesAtLine(model, source, 28, "cells")).containsExactly("[(\"p\", [1]), (\"q\", [2])]");
    assertThat(Recordings.valuesAtLine(model, source, 29, "cells")).containsExactly("[(\"p\", [5]), (\"q\", [2])]");
    assertThat(Recordings.valuesAtLine(model, source, 36, "many")).containsExactly("[0, 10, 2, 3, 4, 5, 60, 7]");

    SampleRun cut = SampleRuns.recorded("samples.Splices", Jvm.JAVA_17, Samples.Debug.FULL, "maxElements=3");
    TraceModel cutModel = Recordings.check(cut.folder());
    assertThat(Recordings.valuesAtLine(cutModel, source, 16, "letters")).containsExactly("[\"a\", \"B\", \"x\", ...(2 more, 5 in all)]");
    assertThat(Recordings.valuesAtLine(cutModel, source, 35, "many")).containsExactly("[0, 10, 2, ...(5 more, 8 in all)]");
    assertThat(Recordings.valuesAtLine(cutModel, source, 25, "sorted")).containsExactly("[(\"and\", 9), (\"be\", 2), (\"not\", 1), ...(1 more, 4 in all)]");
  }

  @Test
  void randomEditsOfAListAMapAndABuilderAreRecordedAsTheProgramSawThem() throws Exception {
    Path source = Samples.source("samples.RandomEdits");
    List<String> lines = java.nio.file.Files.readAllLines(source);
    int printsList = lines.indexOf("      System.out.println(list);") + 1;
    for (String seed : List.of("1", "2")) {
      SampleRun run = SampleRuns.recorded("samples.RandomEdits", Jvm.JAVA_17, Samples.Debug.FULL, "", seed);
      SampleRun cut = SampleRuns.recorded("samples.RandomEdits", Jvm.JAVA_17, Samples.Debug.FULL, "maxElements=5,maxString=8", seed);
      List<String> printed = run.stdout().lines().toList();
      assertThat(printed).hasSize(1500);
      assertThat(cut.stdout()).isEqualTo(run.stdout());
      for (SampleRun recorded : List.of(run, cut)) {
        int maxElements = recorded == cut ? 5 : AgentOptions.DEFAULT_MAX_ELEMENTS;
        int maxString = recorded == cut ? 8 : AgentOptions.DEFAULT_MAX_STRING;
        TraceModel model = Recordings.check(recorded.folder());
        assertThat(Recordings.valuesAtLine(model, source, printsList, "list"))
            .containsExactlyElementsOf(printedEvery(printed, 0, list -> shownSequence(items(list, ", "), maxElements)));
        assertThat(Recordings.valuesAtLine(model, source, printsList, "map"))
            .containsExactlyElementsOf(printedEvery(printed, 1, map -> shownSequence(
                items(map, ", ").stream().map(entry -> "(" + entry.replace("=", ", ") + ")").toList(), maxElements)));
        assertThat(Recordings.valuesAtLine(model, source, printsList, "text"))
            .containsExactlyElementsOf(printedEvery(printed, 2, text -> text.length() <= maxString
                ? "\"" + text + "\"" : "\"" + text.substring(0, maxString) + "...(" + text.length() + " chars)\""));
      }
    }
  }

  @Test
  void buildersRewrittenAndGrownOnLinesOfTheirOwnAreRecordedAsTheProgramSawThem() {
    Path source = Samples.source("samples.BuilderEdits");
    int printsBoth = 22;
    for (String options : List.of("", "maxString=8")) {
      SampleRun run = SampleRuns.recorded("samples.BuilderEdits", Jvm.JAVA_17, Samples.Debug.FULL, options);
      int maxString = options.isEmpty() ? AgentOptions.DEFAULT_MAX_STRING : 8;
      List<String[]> printed = run.stdout().lines().map(line -> line.split(" ")).toList();
      assertThat(printed).hasSize(12);
      TraceModel model = Recordings.check(run.folder());
      assertThat(Recordings.valuesAtLine(model, source, printsBoth, "log"))
          .containsExactlyElementsOf(printed.stream().map(both -> shownText(both[0], maxString)).toList());
      assertThat(Recordings.valuesAtLine(model, source, printsBoth, "shared"))
          .containsExactlyElementsOf(printed.stream().map(both -> shownText(both[1], maxString)).toList());
      // the lines just after a line that only appended, as the sample's edits make them
      List<String> logAfterAppends = new ArrayList<>();
      List<String> sharedAfterAppend = new ArrayList<>();
      StringBuilder log = new StringBuilder("start");
      StringBuilder shared = new StringBuilder();
      for (int i = 0; i < 12; i++) {
        log.setCharAt(0, (char) ('A' + i));
        log.append(i).append(';');
        logAfterAppends.add(shownText(log.toString(), maxString));
        log.insert(1, '-');
        shared.append(i);
        sharedAfterAppend.add(shownText(shared.toString(), maxString));
        if (i % 4 == 3) {
          log.setLength(3);
        }
      }
      assertThat(Recordings.valuesAtLine(model, source, 14, "log")).containsExactlyElementsOf(logAfterAppends);
      assertThat(Recordings.valuesAtLine(model, source, 16, "shared")).containsExactlyElementsOf(sharedAfterAppend);
    }
  }

  /** A text as the recording renders it, cut to {@code maxString} characters. */
  private static String shownText(String text, int maxString) {
    return text.length() <= maxString ? "\"" + text + "\"" : "\"" + text.substring(0, maxString) + "...(" + text.length() + " chars)\"";
  }

  /** Every third printed line from {@code first}, as the recording renders that value. */
  private static List<String> printedEvery(List<String> printed, int first, java.util.function.UnaryOperator<String> rendered) {
    return java.util.stream.IntStream.range(0, printed.size() / 3).mapToObj(i -> rendered.apply(printed.get(3 * i + first))).toList();
  }

  /** The elements of a printed {@code [a, b]} or {@code {k=v}}. */
  private static List<String> items(String printed, String separator) {
    String inside = printed.substring(1, printed.length() - 1);
    return inside.isEmpty() ? List.of() : List.of(inside.split(separator));
  }

  private static String shownSequence(List<String> items, int maxElements) {
    if (items.size() <= maxElements) {
      return "[" + String.join(", ", items) + "]";
    }
    return "[" + String.join(", ", items.subList(0, maxElements)) + ", ...(" + (items.size() - maxElements) + " more, " + items.size() + " in all)]";
  }

  @Test
  void withoutAnyDebugInformationCallsArgumentsAndReturnsRemain() {
    SampleRun plain = SampleRuns.plain("samples.Recursion", Jvm.JAVA_17, Samples.Debug.NONE);
    SampleRun run = SampleRuns.recorded("samples.Recursion", Jvm.JAVA_17, Samples.Debug.NONE, "");
    assertThat(run.stdout()).isEqualTo(plain.stdout());
    assertThat(run.exitCode()).isEqualTo(plain.exitCode());
    TraceModel model = Recordings.check(run.folder());
    List<TraceModel.Call> calls = model.callsOf("samples.Recursion.factorial");
    assertThat(calls).extracting(c -> args(model, c).get("arg0")).containsExactly("5", "4", "3", "2", "1");
    assertThat(calls).extracting(c -> c.returnValue().map(model::render).orElse(null)).containsExactly("120", "24", "6", "2", "1");
    assertThat(calls.get(0).parent().orElseThrow().function()).isEqualTo("samples.Recursion.main");
    // the source was found by the class's name, though the class does not name its file
    assertThat(model.paths()).contains(Samples.source("samples.Recursion").toString());
    TraceMetadata metadata = Recordings.metadata(run.folder());
    assertThat(metadata.extra().get("classes_without_line_numbers")).asList().contains("samples.Recursion");
    assertThat(metadata.extra().get("classes_without_debug_info")).asList().contains("samples.Recursion");
    assertThat(metadata.extra()).doesNotContainKey("classes_without_source");
  }

  @Test
  void withoutLocalVariableNamesStepsAndCallsRemain() {
    SampleRun run = SampleRuns.recorded("samples.Loops", Jvm.JAVA_17, Samples.Debug.DEFAULT, "");
    TraceModel model = Recordings.check(run.folder());
    Path source = Samples.source("samples.Loops");
    assertThat(model.stepsAt(source.toString(), 7)).hasSize(4);
    TraceModel.Call sum = model.callsOf("samples.Loops.sum").get(0);
    assertThat(args(model, sum)).containsExactly(Map.entry("arg0", "4"));
    assertThat(sum.returnValue().map(model::render)).hasValue("6");
    assertThat(Recordings.metadata(run.folder()).extra().get("classes_without_debug_info")).asList().contains("samples.Loops");
  }
}
