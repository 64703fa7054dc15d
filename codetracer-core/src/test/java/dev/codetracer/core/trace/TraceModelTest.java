package dev.codetracer.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceModelTest {
  private static final ValueRecord.Int TWO = new ValueRecord.Int(2, 1);

  @TempDir Path dir;

  private TraceModel example() {
    return TraceModel.load(TraceFixtures.copy(TraceFixtures.EXAMPLE, dir));
  }

  @Test
  void stepsOfTheExample() {
    TraceModel model = example();

    assertThat(model.stepCount()).isEqualTo(11);
    assertThat(model.step(0).line()).isEqualTo(8);
    assertThat(model.step(2)).isEqualTo(new TraceModel.Step(2, "/w/Main.java", 2, model.callsOf("Main.sum").get(0)));
    assertThat(model.step(model.lastStep()).line()).isEqualTo(10);
    assertThat(model.stepsAt("/w/Main.java", 4)).containsExactly(4, 6, 8);
  }

  @Test
  void callTreeOfTheExample() {
    TraceModel model = example();

    TraceModel.Call top = model.topLevelCall();
    assertThat(top.function()).isEqualTo("<toplevel>");
    assertThat(top.returned()).isFalse();
    assertThat(top.children()).extracting(TraceModel.Call::function).containsExactly("Main.main");

    TraceModel.Call main = top.children().get(0);
    assertThat(main.firstStep()).isEqualTo(0);
    assertThat(main.lastStep()).isEqualTo(10);
    assertThat(main.returnValue()).contains(new ValueRecord.None(0));

    TraceModel.Call sum = main.children().get(0);
    assertThat(sum.function()).isEqualTo("Main.sum");
    assertThat(sum.args()).containsExactly(Map.entry("n", TWO));
    assertThat(sum.returnValue()).contains(new ValueRecord.Int(1, 1));
    assertThat(sum.depth()).isEqualTo(2);
    assertThat(sum.parent()).contains(main);
    assertThat(sum.firstStep()).isEqualTo(2);
    assertThat(sum.lastStep()).isEqualTo(9);
    assertThat(sum.children()).isEmpty();
    assertThat(sum.toString()).isEqualTo("Main.sum(n=2) -> 1");
    assertThat(model.step(9).call()).isEqualTo(sum);
    assertThat(model.step(10).call()).isEqualTo(main);
  }

  @Test
  void variablesAtAStep() {
    TraceModel model = example();

    // the argument Value before the callee's Step belongs to the caller's step, as in CodeTracer
    assertThat(model.variablesAt(1)).containsExactly(Map.entry("n", TWO));
    // the Call's args belong to the callee's first step
    assertThat(model.variablesAt(2)).containsExactly(Map.entry("n", TWO));
    assertThat(model.variablesAt(8)).containsExactly(
        Map.entry("n", TWO), Map.entry("total", new ValueRecord.Int(1, 1)), Map.entry("i", new ValueRecord.Int(1, 1)));
    assertThat(model.valueAt(10, "s")).contains(new ValueRecord.Int(1, 1));
    assertThat(model.valueAt(10, "total")).isEmpty();
    assertThat(model.variablesAt(0)).isEmpty();
  }

  @Test
  void aLinesOwnVariablesLeaveOutTheArgumentsOfTheCallItMakes() {
    TraceModel model = example();

    assertThat(model.ownVariablesAt(1)).as("main's line 9 calls sum(2): n is sum's").isEmpty();
    assertThat(model.ownVariablesAt(2)).containsExactly(Map.entry("n", TWO));
    assertThat(model.ownVariablesAt(8)).isEqualTo(model.variablesAt(8));
    assertThat(model.ownVariablesAt(10)).isEqualTo(model.variablesAt(10));
  }

  @Test
  void outputBelongsToTheStepBeforeIt() {
    TraceModel model = example();

    assertThat(model.output()).containsExactly(new TraceModel.Output(EventLogKind.WRITE, "", "1\n", 10));
    assertThat(model.standardOutput()).isEqualTo("1\n");
    assertThat(model.error()).isEmpty();
  }

  @Test
  void anErrorEventOnTheLastStepIsTheErrorThatEndedTheRun() {
    List<TraceEvent> events = new ArrayList<>(TraceFixtures.events(TraceFixtures.EXAMPLE, dir).subList(0, 40));
    events.add(new TraceEvent.Log(EventLogKind.WRITE_OTHER, "", "Exception in thread \"main\"\n"));
    events.add(new TraceEvent.Log(EventLogKind.ERROR, "", "java.lang.AssertionError: total was 0"));

    TraceModel model = TraceModel.of(events);

    assertThat(model.error()).contains(new TraceModel.Output(EventLogKind.ERROR, "", "java.lang.AssertionError: total was 0", 9));
    assertThat(model.step(model.error().get().step()).line()).isEqualTo(6);
    assertThat(model.valueAt(model.lastStep(), "total")).contains(new ValueRecord.Int(1, 1));
    assertThat(model.callsOf("Main.sum").get(0).returned()).isFalse();
    assertThat(model.callsOf("Main.sum").get(0).lastStep()).isEqualTo(9);
  }

  @Test
  void anErrorBeforeTheLastStepDidNotEndTheRun() {
    List<TraceEvent> events = new ArrayList<>(TraceFixtures.events(TraceFixtures.EXAMPLE, dir));
    events.add(new TraceEvent.Log(EventLogKind.ERROR, "", "caught and logged"));
    events.add(new TraceEvent.Step(0, 11));

    TraceModel model = TraceModel.of(events);
    assertThat(model.output()).last().extracting(TraceModel.Output::kind).isEqualTo(EventLogKind.ERROR);
    assertThat(model.error()).isEmpty();
  }

  @Test
  void otherRecordersStreamAndRendering() {
    TraceModel model = TraceModel.load(TraceFixtures.copy(TraceFixtures.OTHER_RECORDER, dir));

    TraceModel.Call norm = model.callsOf("norm2").get(0);
    assertThat(model.render(norm.args().get("p"))).isEqualTo("Point{x=3, y=4}");
    assertThat(norm.toString()).isEqualTo("norm2(p=Point{x=3, y=4}) -> 25");
    assertThat(model.topLevelCall().function()).isEqualTo("<top-level>");
    assertThat(model.step(0).path()).isEqualTo("lib/shapes.rb");
  }

  @Test
  void rendersEveryKind() {
    TraceModel model = TraceModel.of(TraceFixtures.loopPrologue());
    assertThat(model.render(new ValueRecord.Str("say \"hi\"\n", 1))).isEqualTo("\"say \\\"hi\\\"\\n\"");
    assertThat(model.render(new ValueRecord.Sequence(List.of(TWO, new ValueRecord.Float("nan", 1)), false, 1)))
        .isEqualTo("[2, nan]");
    assertThat(model.render(new ValueRecord.BigInt("AQAAAAAAAAAA", true, 1))).isEqualTo("-18446744073709551616");
    assertThat(model.render(new ValueRecord.Variant("Some", TWO, 1))).isEqualTo("Some(2)");
    assertThat(model.render(new ValueRecord.Error("<redacted>", 1))).isEqualTo("<error: <redacted>>");
    assertThat(model.render(new ValueRecord.Char("'", 1))).isEqualTo("'\\''");
  }

  @Test
  void dropLastStepRemovesTheStepAndItsValues() {
    List<TraceEvent> events = new ArrayList<>(TraceFixtures.events(TraceFixtures.EXAMPLE, dir).subList(0, 24));
    events.add(new TraceEvent.Other("DropLastStep", null));

    TraceModel model = TraceModel.of(events);

    assertThat(model.stepCount()).isEqualTo(5);
    assertThat(model.variablesAt(4)).containsOnlyKeys("n", "total");
  }

  @Test
  void anInvalidStreamIsNotModelled() {
    List<TraceEvent> events = new ArrayList<>(TraceFixtures.events(TraceFixtures.EXAMPLE, dir));
    events.set(6, new TraceEvent.Step(7, 8));

    assertThatThrownBy(() -> TraceModel.of(events))
        .isInstanceOf(InvalidTraceException.class)
        .hasMessage("event 6 (Step): path_id 7 is not defined (1 Path events so far)");
  }

  @Test
  void aMillionStepsOfALoopShareUnchangedValues() {
    int steps = 1_000_000;
    TraceModel model = TraceModel.of(TraceFixtures.countingLoop(steps));

    assertThat(model.stepCount()).isEqualTo(steps + 1);
    int last = model.lastStep();
    int iteration = (steps - 1) / 2;
    long total = (long) iteration * (iteration + 1) / 2;
    assertThat(model.variablesAt(last)).containsExactly(
        Map.entry("n", new ValueRecord.Int(steps, 1)),
        Map.entry("total", new ValueRecord.Int(total, 1)),
        Map.entry("i", new ValueRecord.Int(iteration, 1)));
    // n never changes: every step refers to the one record
    assertThat(model.valueAt(1, "n").get()).isSameAs(model.valueAt(last, "n").get());
    assertThat(model.callsOf("Loop.main").get(0).lastStep()).isEqualTo(last);
  }
}
