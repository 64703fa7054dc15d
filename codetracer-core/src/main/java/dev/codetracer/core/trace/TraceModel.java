package dev.codetracer.core.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated stream, held in memory in a form fit for questions: the steps, the call tree, the
 * variables at each step, the output and the error that ended the run. It answers as CodeTracer's
 * replay would: the values after a step belong to it (values before the first step to step 0), a
 * call's arguments also belong to its first step, output belongs to the step before it, and a run
 * ended in error when the last output event is an {@code Error} on the last step.
 *
 * <p>Steps and calls live in primitive columns; a variable's value is stored once per change
 * (repeats share the earlier record), so millions of events fit in a modest heap.
 *
 * <pre>{@code
 * TraceModel model = TraceModel.load(folder.resolve("trace.json"));
 * TraceModel.Call sum = model.callsOf("Main.sum").get(0);
 * assertThat(sum.args()).containsEntry("n", new ValueRecord.Int(2, 1));
 * assertThat(model.variablesAt(model.lastStep()).get("s")).isEqualTo(new ValueRecord.Int(1, 1));
 * }</pre>
 */
public final class TraceModel {
  private final List<String> paths = new ArrayList<>();
  private final List<TraceEvent.Function> functions = new ArrayList<>();
  private final List<TraceEvent.Type> types = new ArrayList<>();
  private final List<String> variableNames = new ArrayList<>();

  private final IntColumn stepPath = new IntColumn();
  private final LongColumn stepLine = new LongColumn();
  private final IntColumn stepCall = new IntColumn();
  /** Where each step's entries start in {@link #valueVariable}/{@link #valueRecord}. */
  private final IntColumn stepValuesStart = new IntColumn();
  private final IntColumn valueVariable = new IntColumn();
  private final List<ValueRecord> valueRecord = new ArrayList<>();
  /** The last value seen per variable id, so that an unchanged value shares one record. */
  private final List<ValueRecord> lastValueOfVariable = new ArrayList<>();

  private final IntColumn callFunction = new IntColumn();
  private final IntColumn callParent = new IntColumn();
  private final IntColumn callDepth = new IntColumn();
  private final IntColumn callFirstStep = new IntColumn();
  private final IntColumn callLastStep = new IntColumn();
  private final IntColumn callFirstChild = new IntColumn();
  private final IntColumn callNextSibling = new IntColumn();
  private final IntColumn callLastChild = new IntColumn();
  private final List<List<TraceEvent.Value>> callArgs = new ArrayList<>();
  private final List<ValueRecord> callReturn = new ArrayList<>();

  private final List<Output> output = new ArrayList<>();

  private TraceModel() {}

  /** Reads, validates and models a {@code trace.json} or {@code trace.bin}. */
  public static TraceModel load(Path file) {
    try (TraceReader reader = TraceReader.open(file)) {
      return of(reader, file.toString());
    }
  }

  /** Validates and models events in stream order; {@code source} prefixes error messages (or null). */
  public static TraceModel of(Iterator<TraceEvent> events, String source) {
    Builder builder = new TraceModel().new Builder();
    TraceValidator.validate(events, source, builder::accept);
    return builder.finish();
  }

  public static TraceModel of(List<TraceEvent> events) {
    return of(events.iterator(), null);
  }

  // ---- steps

  public int stepCount() {
    return stepPath.size();
  }

  /** The index of the last step, -1 when there is none. */
  public int lastStep() {
    return stepCount() - 1;
  }

  public Step step(int index) {
    checkStep(index);
    return new Step(index, paths.get(stepPath.get(index)), stepLine.get(index), new Call(stepCall.get(index)));
  }

  /** The indexes of the steps at a line of a file, in order. */
  public List<Integer> stepsAt(String path, long line) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < stepCount(); i++) {
      if (stepLine.get(i) == line && paths.get(stepPath.get(i)).equals(path)) {
        found.add(i);
      }
    }
    return found;
  }

  /**
   * The variables recorded at a step, by name, in the order they were recorded (a name recorded
   * twice keeps its last value).
   */
  public Map<String, ValueRecord> variablesAt(int step) {
    checkStep(step);
    int end = step + 1 < stepValuesStart.size() ? stepValuesStart.get(step + 1) : valueVariable.size();
    Map<String, ValueRecord> variables = new LinkedHashMap<>();
    for (int i = stepValuesStart.get(step); i < end; i++) {
      variables.put(variableNames.get(valueVariable.get(i)), valueRecord.get(i));
    }
    return variables;
  }

  /**
   * The variables at a step as a debugger shows them at its line: without the arguments of a call
   * the line makes. The format writes those just before the callee's first step, so by its rules
   * they belong to this step ({@link #variablesAt}), though they are the callee's.
   */
  public Map<String, ValueRecord> ownVariablesAt(int step) {
    checkStep(step);
    int start = stepValuesStart.get(step);
    int end = step + 1 < stepValuesStart.size() ? stepValuesStart.get(step + 1) : valueVariable.size();
    int next = step + 1;
    if (next < stepCount() && callFirstStep.get(stepCall.get(next)) == next && stepCall.get(next) != stepCall.get(step)) {
      List<TraceEvent.Value> args = callArgs.get(stepCall.get(next));
      int from = end - args.size();
      boolean arguments = from >= start;
      for (int i = 0; arguments && i < args.size(); i++) {
        arguments = valueVariable.get(from + i) == args.get(i).variableId();
      }
      end = arguments ? from : end;
    }
    Map<String, ValueRecord> variables = new LinkedHashMap<>();
    for (int i = start; i < end; i++) {
      variables.put(variableNames.get(valueVariable.get(i)), valueRecord.get(i));
    }
    return variables;
  }

  public Optional<ValueRecord> valueAt(int step, String name) {
    return Optional.ofNullable(variablesAt(step).get(name));
  }

  // ---- calls

  /** The top-level call; every other call is below it. */
  public Call topLevelCall() {
    return new Call(0);
  }

  public int callCount() {
    return callFunction.size();
  }

  public Call call(int index) {
    if (index < 0 || index >= callCount()) {
      throw new IndexOutOfBoundsException("call " + index + " of " + callCount());
    }
    return new Call(index);
  }

  /** The calls of a function ({@code Function} name), in the order they were made. */
  public List<Call> callsOf(String functionName) {
    List<Call> found = new ArrayList<>();
    for (int i = 0; i < callCount(); i++) {
      if (functions.get(callFunction.get(i)).name().equals(functionName)) {
        found.add(new Call(i));
      }
    }
    return found;
  }

  // ---- output and the end of the run

  /** Every {@code Event} of the stream (stdout, stderr, errors, ...), with the step it belongs to. */
  public List<Output> output() {
    return Collections.unmodifiableList(output);
  }

  /** The text written to standard output ({@link EventLogKind#WRITE} events), joined. */
  public String standardOutput() {
    StringBuilder text = new StringBuilder();
    for (Output o : output) {
      if (o.kind() == EventLogKind.WRITE) {
        text.append(o.content());
      }
    }
    return text.toString();
  }

  /** The error that ended the run: the last output event, when it is an Error on the last step. */
  public Optional<Output> error() {
    if (output.isEmpty()) {
      return Optional.empty();
    }
    Output last = output.get(output.size() - 1);
    return last.kind() == EventLogKind.ERROR && last.step() == lastStep() ? Optional.of(last) : Optional.empty();
  }

  // ---- definitions

  public List<String> paths() {
    return Collections.unmodifiableList(paths);
  }

  public TraceEvent.Type type(long typeId) {
    return types.get(Math.toIntExact(typeId));
  }

  /** A short human-readable text of a value: {@code 42}, {@code "abc"}, {@code [1, 2]}, {@code Point{x=1, y=2}}. */
  public String render(ValueRecord value) {
    return new ValueRenderer(this::type).render(value);
  }

  private void checkStep(int index) {
    if (index < 0 || index >= stepCount()) {
      throw new IndexOutOfBoundsException("step " + index + " of " + stepCount());
    }
  }

  /** One executed line. */
  public record Step(int index, String path, long line, Call call) {}

  /** One {@code Event}: its {@link EventLogKind}, its text, and the step it belongs to (0 before any step). */
  public record Output(int kind, String metadata, String content, int step) {}

  /** One call of the call tree; a view on the model. */
  public final class Call {
    private final int index;

    private Call(int index) {
      this.index = index;
    }

    public int index() {
      return index;
    }

    public String function() {
      return functions.get(callFunction.get(index)).name();
    }

    public long functionId() {
      return callFunction.get(index);
    }

    /** The arguments by variable name, in order. */
    public Map<String, ValueRecord> args() {
      Map<String, ValueRecord> args = new LinkedHashMap<>();
      for (TraceEvent.Value arg : callArgs.get(index)) {
        args.put(variableNames.get((int) arg.variableId()), arg.value());
      }
      return args;
    }

    /** The value returned, empty while the call had not returned when the stream ended. */
    public Optional<ValueRecord> returnValue() {
      return Optional.ofNullable(callReturn.get(index));
    }

    public boolean returned() {
      return callReturn.get(index) != null;
    }

    public Optional<Call> parent() {
      int parent = callParent.get(index);
      return parent < 0 ? Optional.empty() : Optional.of(new Call(parent));
    }

    public int depth() {
      return callDepth.get(index);
    }

    public List<Call> children() {
      List<Call> children = new ArrayList<>();
      for (int c = callFirstChild.get(index); c >= 0; c = callNextSibling.get(c)) {
        children.add(new Call(c));
      }
      return children;
    }

    /** The first step of the call (the step at its first line), -1 when it has none. */
    public int firstStep() {
      return callFirstStep.get(index);
    }

    /** The last step of the call or of a call below it, -1 when it has none. */
    public int lastStep() {
      return callLastStep.get(index);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Call call && call.index == index && call.model() == TraceModel.this;
    }

    @Override
    public int hashCode() {
      return index;
    }

    private TraceModel model() {
      return TraceModel.this;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(function()).append('(');
      String separator = "";
      for (Map.Entry<String, ValueRecord> arg : args().entrySet()) {
        text.append(separator).append(arg.getKey()).append('=').append(render(arg.getValue()));
        separator = ", ";
      }
      text.append(')');
      returnValue().ifPresent(v -> text.append(" -> ").append(render(v)));
      return text.toString();
    }
  }

  /** Feeds events into the model, in stream order, assuming they are valid. */
  private final class Builder {
    private int currentCall = -1;
    /** A step came since the last Call or Return: the next Call starts at it. */
    private boolean stepPending;

    void accept(TraceEvent event) {
      if (event instanceof TraceEvent.Path e) {
        paths.add(e.path());
      } else if (event instanceof TraceEvent.Function e) {
        functions.add(e);
      } else if (event instanceof TraceEvent.Type e) {
        types.add(e);
      } else if (event instanceof TraceEvent.VariableName e) {
        variableNames.add(e.name());
        lastValueOfVariable.add(null);
      } else if (event instanceof TraceEvent.Step e) {
        step(e);
      } else if (event instanceof TraceEvent.Value e) {
        value(e);
      } else if (event instanceof TraceEvent.Call e) {
        call(e);
      } else if (event instanceof TraceEvent.Return e) {
        callReturn.set(currentCall, e.returnValue());
        callLastStep.set(currentCall, lastStepOf(currentCall));
        currentCall = callParent.get(currentCall);
        stepPending = false;
      } else if (event instanceof TraceEvent.Log e) {
        output.add(new Output(e.kind(), e.metadata(), e.content(), Math.max(lastStep(), 0)));
      } else if (event instanceof TraceEvent.Other e && e.kind().equals("DropLastStep")) {
        dropLastStep();
      }
    }

    private void step(TraceEvent.Step e) {
      int step = stepCount();
      stepPath.add((int) e.pathId());
      stepLine.add(e.line());
      stepCall.add(currentCall);
      // values recorded before the first step belong to it, as in CodeTracer
      stepValuesStart.add(step == 0 ? 0 : valueVariable.size());
      if (callFirstStep.get(currentCall) < 0) {
        callFirstStep.set(currentCall, step);
      }
      stepPending = true;
    }

    private void value(TraceEvent.Value e) {
      int variable = (int) e.variableId();
      ValueRecord value = e.value();
      ValueRecord last = lastValueOfVariable.get(variable);
      if (value.equals(last)) {
        value = last;
      } else {
        lastValueOfVariable.set(variable, value);
      }
      valueVariable.add(variable);
      valueRecord.add(value);
    }

    private void call(TraceEvent.Call e) {
      int call = callCount();
      int parent = currentCall;
      callFunction.add((int) e.functionId());
      callParent.add(parent);
      callDepth.add(parent < 0 ? 0 : callDepth.get(parent) + 1);
      callLastStep.add(-1);
      callFirstChild.add(-1);
      callNextSibling.add(-1);
      callLastChild.add(-1);
      callArgs.add(e.args().isEmpty() ? List.of() : e.args());
      callReturn.add(null);
      if (parent >= 0) {
        int previousSibling = callLastChild.get(parent);
        if (previousSibling < 0) {
          callFirstChild.set(parent, call);
        } else {
          callNextSibling.set(previousSibling, call);
        }
        callLastChild.set(parent, call);
      }
      if (stepPending) {
        // the Step before a Call is the callee's first line: it belongs to the callee
        stepCall.set(lastStep(), call);
        callFirstStep.add(lastStep());
      } else {
        callFirstStep.add(-1);
      }
      for (TraceEvent.Value arg : e.args()) {
        value(arg);
      }
      currentCall = call;
      stepPending = false;
    }

    private void dropLastStep() {
      int dropped = lastStep();
      valueVariable.truncate(stepValuesStart.get(dropped));
      while (valueRecord.size() > valueVariable.size()) {
        valueRecord.remove(valueRecord.size() - 1);
      }
      stepPath.truncate(dropped);
      stepLine.truncate(dropped);
      stepCall.truncate(dropped);
      stepValuesStart.truncate(dropped);
    }

    private int lastStepOf(int call) {
      return callFirstStep.get(call) < 0 ? -1 : lastStep();
    }

    TraceModel finish() {
      for (int call = currentCall; call >= 0; call = callParent.get(call)) {
        callLastStep.set(call, lastStepOf(call));
      }
      return TraceModel.this;
    }
  }
}
