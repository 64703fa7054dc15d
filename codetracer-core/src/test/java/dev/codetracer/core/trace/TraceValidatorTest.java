package dev.codetracer.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceValidatorTest {
  @TempDir Path dir;

  private List<TraceEvent> example() {
    return TraceFixtures.events(TraceFixtures.EXAMPLE, dir);
  }

  /** The example with event {@code index} replaced (null removes it). */
  private List<TraceEvent> exampleWith(int index, TraceEvent replacement) {
    List<TraceEvent> events = new ArrayList<>(example());
    if (replacement == null) {
      events.remove(index);
    } else {
      events.set(index, replacement);
    }
    return events;
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertViolation(List<TraceEvent> events) {
    return assertThatThrownBy(() -> TraceValidator.validate(events)).isInstanceOf(InvalidTraceException.class);
  }

  @Test
  void acceptsTheVerifiedExample() {
    Path file = TraceFixtures.copy(TraceFixtures.EXAMPLE, dir);

    TraceSummary summary = TraceValidator.validate(file);

    assertThat(summary).isEqualTo(new TraceSummary(46, 11, 3, 1, 3, 2, 4));
  }

  @Test
  void acceptsAStreamShapedLikeOtherRecorders() {
    TraceSummary summary = TraceValidator.validate(TraceFixtures.copy(TraceFixtures.OTHER_RECORDER, dir));

    assertThat(summary.events()).isEqualTo(23);
    assertThat(summary.steps()).isEqualTo(4);
    assertThat(summary.calls()).isEqualTo(2);
    assertThat(summary.types()).isEqualTo(4);
  }

  @Test
  void aStepNamingAnUndefinedPath() {
    assertViolation(exampleWith(6, new TraceEvent.Step(7, 8)))
        .hasMessage("event 6 (Step): path_id 7 is not defined (1 Path events so far)");
  }

  @Test
  void aStepBeforeTheTopLevelCall() {
    List<TraceEvent> events = List.of(
        new TraceEvent.Path("/a"), new TraceEvent.Step(0, 1), new TraceEvent.Function(0, 1, "<toplevel>"));
    assertViolation(events).hasMessageStartingWith("event 1 (Step): a Step before the top-level Call");
  }

  @Test
  void theTopLevelCallIsOfFunctionZero() {
    List<TraceEvent> events = List.of(new TraceEvent.Path("/a"), new TraceEvent.Function(0, 1, "<toplevel>"),
        new TraceEvent.Function(0, 2, "main"), new TraceEvent.Call(1, List.of()));
    assertViolation(events)
        .hasMessage("event 3 (Call): the top-level Call must call function 0 (\"<toplevel>\"), found function_id 1");
  }

  @Test
  void aCallOfAnUndefinedFunction() {
    assertViolation(exampleWith(7, new TraceEvent.Call(5, List.of())))
        .hasMessage("event 7 (Call): function_id 5 is not defined (2 Function events so far)");
  }

  @Test
  void aCallMustFollowTheStepAtTheCalleesFirstLine() {
    // without the Step at line 2, the argument Value is the last thing before the Call of Main.sum
    assertViolation(exampleWith(12, null))
        .hasMessage("event 12 (Call): a Call must follow the Step at the callee's first line with only definitions"
            + " between, but event 11 (Value) came after the last Step");
  }

  @Test
  void aValueOfAnUndefinedVariableOrType() {
    assertViolation(exampleWith(11, new TraceEvent.Value(3, new ValueRecord.Int(2, 1))))
        .hasMessage("event 11 (Value): variable_id 3 is not defined (1 VariableName events so far)");
    assertViolation(exampleWith(11, new TraceEvent.Value(0, new ValueRecord.Int(2, 9))))
        .hasMessage("event 11 (Value): value (Int) type_id 9 is not defined (2 Type events so far)");
    assertViolation(exampleWith(13, new TraceEvent.Call(2, List.of(new TraceEvent.Value(0,
        new ValueRecord.Sequence(List.of(new ValueRecord.Int(1, 1), new ValueRecord.Int(1, 4)), false, 1))))))
        .hasMessage("event 13 (Call): argument 0: value.elements[1] (Int) type_id 4 is not defined (2 Type events so far)");
  }

  @Test
  void aReturnOfTheTopLevelCallOrWithoutCall() {
    List<TraceEvent> events = new ArrayList<>(example());
    events.add(new TraceEvent.Return(new ValueRecord.None(0)));
    assertViolation(events)
        .hasMessage("event 46 (Return): this Return would end the top-level call, which CodeTracer's streams never return");

    assertViolation(List.of(new TraceEvent.Return(new ValueRecord.None(0))))
        .hasMessage("event 0 (Return): a Return without a matching Call");
  }

  @Test
  void kindsAndTextsCodeTracerCannotParse() {
    assertViolation(exampleWith(3, new TraceEvent.Type(34, "None", TypeSpecificInfo.NONE)))
        .hasMessage("event 3 (Type): kind 34 is not a TypeKind (0..33)");
    assertViolation(exampleWith(44, new TraceEvent.Log(14, "", "1\n")))
        .hasMessage("event 44 (Event): kind 14 is not an EventLogKind (0..13)");
    assertViolation(exampleWith(43, new TraceEvent.Value(3, new ValueRecord.Float("1,5", 1))))
        .hasMessage("event 43 (Value): value (Float): f \"1,5\" is not a float CodeTracer can parse");
    assertViolation(exampleWith(43, new TraceEvent.Value(3, new ValueRecord.Char("\ud800", 1))))
        .hasMessage("event 43 (Value): value (Char): c is a lone surrogate, which is not a character");
    assertViolation(exampleWith(43, new TraceEvent.Value(3, new ValueRecord.Str(null, 1))))
        .hasMessage("event 43 (Value): value (String): text is missing");
    assertViolation(exampleWith(21, new TraceEvent.Other("Breakpoint", null)))
        .hasMessage("event 21 (Breakpoint): CodeTracer has no event kind \"Breakpoint\"");
  }

  @Test
  void floatTextsRustParses() {
    for (String ok : List.of("2.5", "-0.0", "1.0E20", "1e-7", "inf", "-inf", "+inf", "NaN", "nan", "infinity", ".5", "7.")) {
      assertThat(TextFieldRules.checkFloat(ok)).as(ok).isNull();
    }
    for (String bad : List.of("", "1,5", "0x10", "e5", "--1", "Infinityy")) {
      assertThat(TextFieldRules.checkFloat(bad)).as(bad).isNotNull();
    }
  }

  @Test
  void aStructValueMatchesItsType() {
    UnaryOperator<List<TraceEvent>> withPointType = events -> {
      List<TraceEvent> copy = new ArrayList<>(events);
      copy.add(new TraceEvent.Type(TypeKind.STRUCT, "Point", new TypeSpecificInfo.Struct(List.of(
          new TypeSpecificInfo.Field("x", 1), new TypeSpecificInfo.Field("y", 1)))));
      return copy;
    };
    List<TraceEvent> good = withPointType.apply(example());
    good.add(new TraceEvent.Value(0, new ValueRecord.Struct(List.of(new ValueRecord.Int(1, 1), new ValueRecord.Int(2, 1)), 2)));
    assertThat(TraceValidator.validate(good).types()).isEqualTo(3);

    List<TraceEvent> bad = withPointType.apply(example());
    bad.add(new TraceEvent.Value(0, new ValueRecord.Struct(List.of(new ValueRecord.Int(1, 1)), 2)));
    assertViolation(bad).hasMessage("event 47 (Value): value (Struct): 1 field_values, but type 2 has 2 fields");

    List<TraceEvent> notStruct = new ArrayList<>(example());
    notStruct.add(new TraceEvent.Value(0, new ValueRecord.Struct(List.of(), 1)));
    assertViolation(notStruct)
        .hasMessage("event 46 (Value): value (Struct): type 1 has no Struct specific_info, which a Struct value's type needs");
  }

  @Test
  void aStructTypeMayNameATypeDefinedLaterButNotOneNeverDefined() {
    List<TraceEvent> events = new ArrayList<>(example());
    events.add(new TraceEvent.Type(TypeKind.STRUCT, "Node", new TypeSpecificInfo.Struct(List.of(
        new TypeSpecificInfo.Field("next", 3)))));
    events.add(new TraceEvent.Type(TypeKind.REF, "Node*", new TypeSpecificInfo.Pointer(2)));
    assertThat(TraceValidator.validate(events).types()).isEqualTo(4);

    events.add(new TraceEvent.Type(TypeKind.STRUCT, "Leaf", new TypeSpecificInfo.Struct(List.of(
        new TypeSpecificInfo.Field("value", 9)))));
    assertViolation(events).hasMessage("event 48 (Type): specific_info names type_id 9, but the stream defines only 5 types");
  }

  @Test
  void anEmptyStreamHasNoTopLevelCall() {
    assertViolation(List.of()).hasMessageStartingWith("event 0 (end of stream): the stream has no top-level Call");
  }

  @Test
  void dropLastStepNeedsTwoSteps() {
    List<TraceEvent> events = new ArrayList<>(example().subList(0, 7));
    events.add(new TraceEvent.Other("DropLastStep", null));
    assertViolation(events)
        .hasMessage("event 7 (DropLastStep): DropLastStep needs at least two steps before it (CodeTracer asserts this), found 1");
  }

  @Test
  void callsLeftOpenByACutShortRunAreAllowed() {
    List<TraceEvent> cut = example().subList(0, 30); // inside Main.sum, three calls open

    assertThat(TraceValidator.validate(cut).calls()).isEqualTo(3);
  }

  @Test
  void theFileIsNamedWhenValidatingAFile() {
    Path file = dir.resolve("trace.json");
    TraceFixtures.write(file, exampleWith(6, new TraceEvent.Step(7, 8)));

    assertThatThrownBy(() -> TraceValidator.validate(file))
        .hasMessage(file + ": event 6 (Step): path_id 7 is not defined (1 Path events so far)");
  }
}
