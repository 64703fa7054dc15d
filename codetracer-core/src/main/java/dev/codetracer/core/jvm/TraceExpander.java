package dev.codetracer.core.jvm;

import dev.codetracer.core.trace.EventLogKind;
import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TraceEventWriter;
import dev.codetracer.core.trace.ValueRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands the agent's change log into CodeTracer's per-step stream: the change log holds a step
 * id per line and a value per assignment; the stream wants, after every step, the values of all
 * variables in scope there. The expander keeps each frame's variables and emits them at each
 * step, defines paths, functions, types and names before their first use, turns the first step
 * of a call into the call's step, matches returns to calls (ignoring returns of frames entered
 * before the recording started; returning the calls still open when {@code CodeTracer.stop} ended
 * the log) and applies the caps.
 */
public final class TraceExpander {
  /**
   * The fact of a log that {@code CodeTracer.stop} ended (not the JVM's exit): the calls still
   * open there end with a Return of {@code <recording stopped>}.
   */
  public static final String STOPPED_BY_API = "stopped_by_api";
  /** The facts of the charsets of standard output and error: the output events' bytes are in them. */
  public static final String OUTPUT_CHARSET = "output_charset";
  public static final String ERROR_CHARSET = "error_charset";

  private final TraceEventWriter out;
  private final StreamSize streamSize;
  private final ExpansionLimits limits;

  private final Map<Integer, RawDefinition.Method> methods = new LinkedHashMap<>();
  private final Map<Integer, RawDefinition.Probe> probes = new HashMap<>();
  private final Map<Integer, RawDefinition.Loop> loops = new HashMap<>();
  private final Map<Integer, String> typeNames = new HashMap<>();
  private final Map<Integer, RawDefinition.Layout> layouts = new HashMap<>();
  private final Map<String, Object> facts = new LinkedHashMap<>();
  /**
   * The values of the list-valued keys ({@code classes_without_source[]}...) already added, by key.
   * Not a set of the facts themselves: a record's first {@code hashCode} bootstraps method handles,
   * tens of classes spun in the recorded JVM.
   */
  private final Map<String, Set<Object>> listFactsSeen = new HashMap<>();

  private final Map<String, Integer> pathIds = new LinkedHashMap<>();
  private final Map<Integer, Integer> functionIds = new HashMap<>();
  private final Map<String, Integer> variableIds = new HashMap<>();
  private int nextFunctionId;
  private final TraceTypes types;
  private final ValueDecoder values;
  private final Deque<Frame> stack = new ArrayDeque<>();

  private boolean started;
  private boolean stopped;
  private long steps;
  private long events;
  private String truncationReason;
  private Long truncatedAtStep;
  private String uncaught;
  /**
   * The exception the last event recorded a method leaving by (null after any other event): what
   * also ended the frames above a method whose code goes on without their return (see {@link
   * #unwindTo}).
   */
  private String lastThrown;
  private String failure;
  /**
   * A frame was left (returned, thrown or unwound) since the stream's last step, which was that
   * frame's or its callees': output now would belong to code that is no longer running (see {@link
   * #stepBackToTheCallersLine}).
   */
  private boolean frameLeftSinceLastStep;
  private long stepsAddedForOutput;
  private Charset outputCharset = StandardCharsets.UTF_8;
  /** Standard error's charset, when the log says (it did not always: then standard output's). */
  private Charset errorCharset;
  private StreamText stdoutText;
  private StreamText stderrText;
  private int pendingLogKind = -1;
  private int pendingElementSlot = -1;
  private int pendingElementIndex;
  private final StringBuilder pendingLog = new StringBuilder();
  /**
   * Output written before the first step (by code that is not recorded): the stream has output
   * only at steps, so it comes with the first step; without any step it is left out and counted.
   */
  private final List<TraceEvent.Log> beforeFirstStep = new ArrayList<>();
  private long outputDropped;
  /** The last character of output, on either stream (0 before any). */
  private char lastOutput;

  public TraceExpander(TraceEventWriter out, StreamSize streamSize, ExpansionLimits limits) {
    this.out = out;
    this.streamSize = streamSize;
    this.limits = limits;
    this.types = new TraceTypes(this::emit);
    this.values = new ValueDecoder(types, typeNames, layouts);
  }

  /**
   * A run probe whose following lines are still to come: {@code item} is the next of its items
   * (see {@link RawDefinition.Probe}).
   */
  private static final class Run {
    final RawDefinition.Probe probe;
    final RawDefinition.Method method;
    /** The frame whose variables the steps show, or null (a method entered before the recording). */
    final Frame frame;
    int item;

    Run(RawDefinition.Probe probe, RawDefinition.Method method, Frame frame) {
      this.probe = probe;
      this.method = method;
      this.frame = frame;
    }
  }

  /** The pending run of a method not on the stack (entered before the recording started). */
  private Run orphanRun;

  /**
   * The line of a method's last step and the variables in scope there (indexes into its variables).
   */
  private record StepLine(RawDefinition.Method method, int line, int[] visible) {}

  /**
   * The last step of a method not on the stack (entered before the recording started), or null; a
   * frame on the stack keeps its own ({@link Frame#stepLine}).
   */
  private StepLine orphanLine;

  /** What the expander works out once per method: its slot count, its variables' stream ids. */
  private static final class MethodInfo {
    final int slotCount;
    /** The stream's variable id of each of the method's variables, -1 until first used. */
    final int[] variableIds;
    /** The variables of its parameters (some parameters may have none): those in scope at its call's step. */
    final int[] parameterVariables;

    MethodInfo(RawDefinition.Method method) {
      int maxSlot = -1;
      for (RawDefinition.Variable variable : method.variables()) {
        maxSlot = Math.max(maxSlot, variable.slot());
      }
      slotCount = maxSlot + 1;
      variableIds = new int[method.variables().size()];
      java.util.Arrays.fill(variableIds, -1);
      parameterVariables = java.util.Arrays.stream(method.arguments()).filter(index -> index >= 0).toArray();
    }
  }

  private final Map<Integer, MethodInfo> methodInfos = new HashMap<>();

  /** One frame of the recorded thread's stack. */
  private static final class Frame {
    final RawDefinition.Method method;
    final MethodInfo info;
    final ValueRecord[] slots;
    boolean pendingCall = true;
    ValueRecord returnValue;
    Run run;
    /** The line of the frame's last step, the one it is on; -1 before its call's step. */
    int stepLine = -1;
    /** The variables in scope at that step (indexes into the method's variables). */
    int[] stepVisible;

    Frame(RawDefinition.Method method, MethodInfo info) {
      this.method = method;
      this.info = info;
      slots = new ValueRecord[info.slotCount];
    }

    void set(int slot, ValueRecord value) {
      if (slot < slots.length) {
        slots[slot] = value;
      }
    }
  }

  /** Reads the whole log and writes the stream (the writer is left open). */
  public ExpansionResult expand(RawLogReader reader) throws IOException {
    RawLogReader.Record record;
    while ((record = reader.next()) != null) {
      if (record instanceof RawLogReader.Definitions d) {
        d.definitions().forEach(this::define);
      } else if (record instanceof RawLogReader.Events e && !stopped) {
        try {
          process(e);
        } catch (RuntimeException failure) {
          // a defect of ours must not cost the user the recording: keep what was expanded
          this.failure = String.valueOf(failure);
          stopped = true;
          emit(new TraceEvent.Log(EventLogKind.TRACE_LOG_EVENT, "", "codetracer: the recording ends early: " + failure));
        }
      }
    }
    finish();
    return new ExpansionResult(
        steps,
        events,
        List.copyOf(pathIds.keySet()),
        List.copyOf(methods.values()),
        truncationReason,
        truncatedAtStep,
        uncaught,
        reader.wasCut(),
        failure,
        outputDropped,
        lastOutput != 0 && lastOutput != '\n',
        stepsAddedForOutput,
        facts);
  }

  private void define(RawDefinition definition) {
    if (definition instanceof RawDefinition.Method m) {
      methods.put(m.id(), m);
    } else if (definition instanceof RawDefinition.Probe p) {
      probes.put(p.id(), p);
    } else if (definition instanceof RawDefinition.Loop l) {
      loops.put(l.id(), l);
    } else if (definition instanceof RawDefinition.TypeName t) {
      typeNames.put(t.id(), t.name());
    } else if (definition instanceof RawDefinition.Layout l) {
      layouts.put(l.id(), l);
    } else if (definition instanceof RawDefinition.Fact f && f.key().endsWith("[]")) {
      String key = f.key().substring(0, f.key().length() - 2);
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) facts.computeIfAbsent(key, k -> new ArrayList<Object>());
      // a class's facts come with each of its methods the log defines: once is enough
      if (listFactsSeen.computeIfAbsent(key, k -> new HashSet<>()).add(f.value())) {
        list.add(f.value());
      }
    } else if (definition instanceof RawDefinition.Fact f) {
      facts.put(f.key(), f.value());
      if (f.key().equals(OUTPUT_CHARSET) && f.value() instanceof String name && Charset.isSupported(name)) {
        outputCharset = Charset.forName(name);
      } else if (f.key().equals(ERROR_CHARSET) && f.value() instanceof String name && Charset.isSupported(name)) {
        errorCharset = Charset.forName(name);
      }
    }
  }

  private void process(RawLogReader.Events chunk) {
    long[] log = chunk.events();
    ByteReader refs = new ByteReader(chunk.values());
    for (int i = 0; i < log.length && !stopped; i++) {
      long event = log[i];
      switch (RawEvents.tag(event)) {
        case RawEvents.STEP:
          onStep(RawEvents.id(event));
          break;
        case RawEvents.CALL:
          onCall(RawEvents.id(event));
          break;
        case RawEvents.RETURN:
          onReturn(RawEvents.id(event), false);
          break;
        case RawEvents.THROW:
          onReturn(RawEvents.id(event), true);
          break;
        case RawEvents.VALUE: {
          int kind = RawEvents.kind(event);
          ValueRecord value;
          if (stack.isEmpty()) {
            if (kind == RawEvents.K_REF) {
              values.skip(refs);
            } else if (RawEvents.isWide(kind)) {
              i++;
            }
            runValue(RawEvents.slot(event));
            break;
          }
          if (kind == RawEvents.K_SAME) {
            runValue(RawEvents.slot(event));
            break;
          } else if (kind == RawEvents.K_REF && ValueDecoder.isChangeOfPrevious(refs)) {
            value = values.readChangeOf(refs, currentValue(RawEvents.slot(event)));
          } else if (kind == RawEvents.K_REF) {
            value = values.read(refs);
          } else if (RawEvents.isWide(kind)) {
            value = values.primitive(kind, log[++i]);
          } else {
            value = values.primitive(kind, RawEvents.payload(event));
          }
          onValue(RawEvents.slot(event), value);
          runValue(RawEvents.slot(event));
          break;
        }
        case RawEvents.OUTPUT:
          onOutput(RawEvents.id(event), refs.blob());
          break;
        case RawEvents.ELEMENT:
          pendingElementSlot = RawEvents.slot(event);
          pendingElementIndex = RawEvents.payload(event);
          break;
        case RawEvents.LOOP:
          onLoop(RawEvents.id(event), log[++i]);
          break;
        default:
          throw new IllegalStateException("unknown event tag in the change log: " + RawEvents.tag(event));
      }
    }
  }

  private void onStep(int probeId) {
    RawDefinition.Probe probe = probes.get(probeId);
    if (probe == null) {
      throw new IllegalStateException("the change log uses probe " + probeId + " before defining it");
    }
    RawDefinition.Method method = methods.get(probe.method());
    Frame top = stack.peek();
    if (top != null && top.method.id() != method.id() && isOnStack(method.id())) {
      setRun(top, null);
      unwindTo(method.id());
      top = stack.peek();
    }
    lastThrown = null;
    Frame frame = top != null && top.method.id() == method.id() ? top : null;
    // the values that follow go to the top frame (or nowhere): so does the run they complete
    setRun(top, null);
    if (probe.isHandlerEntry()) {
      return;
    }
    start(method);
    flushLog();
    if (frame != null && frame.pendingCall) {
      emitCall(frame, probe.line());
    } else if (!emitStep(method, probe.line())) {
      return;
    }
    steppedAt(frame, method, probe.line(), probe.visible());
    if (frame != null) {
      emitVisible(frame, probe.visible());
    }
    if (probe.items().length > 0) {
      Run run = new Run(probe, method, frame);
      setRun(top, run);
      takeSteps(top, run);
    }
  }

  /** A counted loop's steps: its probes in turn, as many visits as it ran. */
  private void onLoop(int loopId, long visits) {
    RawDefinition.Loop loop = loops.get(loopId);
    if (loop == null) {
      throw new IllegalStateException("the change log uses loop " + loopId + " before defining it");
    }
    int[] cycle = loop.probes();
    int next = 0;
    for (long visit = 0; visit < visits && !stopped; visit++) {
      onStep(cycle[next]);
      if (++next == cycle.length) {
        next = 0;
      }
    }
  }

  /** Notes the line the frame (null: a method not on the stack) has just stepped to. */
  private void steppedAt(Frame frame, RawDefinition.Method method, int line, int[] visible) {
    if (frame != null) {
      frame.stepLine = line;
      frame.stepVisible = visible;
    } else {
      orphanLine = new StepLine(method, line, visible);
    }
  }

  private void setRun(Frame top, Run run) {
    if (top != null) {
      top.run = run;
    } else {
      orphanRun = run;
    }
  }

  /** A value of the running method arrived: the next item of its run, after which steps may follow. */
  private void runValue(int slot) {
    Frame top = stack.peek();
    Run run = top != null ? top.run : orphanRun;
    if (run == null || stopped) {
      return;
    }
    if (run.probe.items()[run.item] != slot) {
      // not the value the run expects: it was left (an exception the agent did not mark), so
      // derive no more of its lines
      setRun(top, null);
      return;
    }
    run.item++;
    takeSteps(top, run);
  }

  /** Emits the run's steps that are due: those whose preceding values have all arrived. */
  private void takeSteps(Frame top, Run run) {
    int[] items = run.probe.items();
    while (run.item < items.length && items[run.item] < 0 && !stopped) {
      RawDefinition.RunLine line = run.probe.following().get(-1 - items[run.item]);
      run.item++;
      flushLog();
      if (!emitStep(run.method, line.line())) {
        return;
      }
      steppedAt(run.frame, run.method, line.line(), line.visible());
      if (run.frame != null) {
        emitVisible(run.frame, line.visible());
      }
    }
    if (run.item >= items.length) {
      setRun(top, null);
    }
  }

  private void onCall(int methodId) {
    RawDefinition.Method method = methods.get(methodId);
    if (method == null) {
      throw new IllegalStateException("the change log uses method " + methodId + " before defining it");
    }
    start(method);
    flushLog();
    finishPendingCall();
    if (stopped) {
      return;
    }
    MethodInfo info = methodInfos.get(methodId);
    if (info == null) {
      info = new MethodInfo(method);
      methodInfos.put(methodId, info);
    }
    stack.push(new Frame(method, info));
    uncaught = null;
    lastThrown = null;
  }

  private ValueRecord currentValue(int slot) {
    Frame frame = stack.peek();
    return frame != null && slot < frame.slots.length ? frame.slots[slot] : null;
  }

  private void onValue(int slot, ValueRecord value) {
    Frame frame = stack.peek();
    if (frame == null) {
      return;
    }
    if (slot == RawEvents.RETURN_SLOT) {
      frame.returnValue = value;
    } else if (slot == RawEvents.ELEMENT_SLOT) {
      if (pendingElementSlot >= 0 && pendingElementSlot < frame.slots.length) {
        frame.slots[pendingElementSlot] = withElement(frame.slots[pendingElementSlot], pendingElementIndex, value);
      }
      pendingElementSlot = -1;
    } else {
      frame.set(slot, value);
    }
  }

  private void onReturn(int methodId, boolean thrown) {
    flushLog();
    finishPendingCall();
    if (stopped || !isOnStack(methodId)) {
      orphanRun = null;
      if (orphanLine != null && orphanLine.method().id() == methodId) {
        orphanLine = null;
      }
      return;
    }
    // an exception comes right before its exit, so it went to the top frame when frames above
    // this one were left without theirs (their probes ran out of stack)
    ValueRecord lastValue = stack.peek().returnValue;
    unwindTo(methodId);
    Frame frame = stack.pop();
    frameLeftSinceLastStep = true;
    ValueRecord value = thrown ? lastValue : frame.returnValue;
    lastThrown = null;
    if (thrown) {
      String exception = value instanceof ValueRecord.Error e ? e.msg() : "an exception";
      value = values.error("threw " + exception);
      lastThrown = exception;
      if (stack.isEmpty()) {
        uncaught = exception;
      }
    } else if (stack.isEmpty()) {
      uncaught = null;
    }
    emit(new TraceEvent.Return(value == null ? values.none() : value));
  }

  /**
   * The array value with one element replaced; unchanged when the index is outside what was
   * recorded of it (past the shown elements, or out of bounds: the store threw).
   */
  private static ValueRecord withElement(ValueRecord array, int index, ValueRecord element) {
    if (!(array instanceof ValueRecord.Sequence sequence) || index < 0) {
      return array;
    }
    List<ValueRecord> elements = sequence.elements();
    boolean cut = !elements.isEmpty() && elements.get(elements.size() - 1) instanceof ValueRecord.Raw more
        && more.r().startsWith("...(") && more.r().endsWith(" in all)");
    int shown = cut ? elements.size() - 1 : elements.size();
    if (index >= shown) {
      return array;
    }
    List<ValueRecord> changed = new ArrayList<>(elements);
    changed.set(index, element);
    return new ValueRecord.Sequence(changed, sequence.isSlice(), sequence.typeId());
  }

  /**
   * Returns from the frames above the top activation of a method whose code goes on: they were
   * left by an exception that no handler of theirs recorded (one thrown by a constructor's {@code
   * super(...)}, which no handler can cover), most likely the one last recorded.
   */
  private void unwindTo(int methodId) {
    flushLog();
    finishPendingCall();
    while (stack.peek().method.id() != methodId) {
      stack.pop();
      frameLeftSinceLastStep = true;
      emit(new TraceEvent.Return(values.error(lastThrown != null ? "threw " + lastThrown : "<unwound>")));
    }
  }

  private boolean isOnStack(int methodId) {
    for (Frame frame : stack) {
      if (frame.method.id() == methodId) {
        return true;
      }
    }
    return false;
  }

  private void onOutput(int stream, byte[] bytes) {
    finishPendingCall();
    if (stream == RawEvents.STDERR) {
      appendOutput(EventLogKind.WRITE_OTHER, stderrText().decode(bytes));
    } else {
      appendOutput(EventLogKind.WRITE, stdoutText().decode(bytes));
    }
  }

  /** Text the program wrote: one event with the text that follows it on the same stream until the next step. */
  private void appendOutput(int kind, String text) {
    if (text.isEmpty()) {
      return;
    }
    stepBackToTheCallersLine();
    lastOutput = text.charAt(text.length() - 1);
    if (pendingLogKind != kind) {
      flushLog();
      pendingLogKind = kind;
    }
    pendingLog.append(text);
  }

  /**
   * Output of a frame whose callee returned since the last step, before a step of its own: in the
   * stream it would belong to the callee's last step, so the frame steps again at its line, the
   * one that made the call, with its variables as they are now. No step when no frame is left to
   * write it (the outermost recorded method returned) or its line is not known.
   */
  private void stepBackToTheCallersLine() {
    if (!frameLeftSinceLastStep || stopped) {
      return;
    }
    Frame top = stack.peek();
    if (top != null) {
      if (top.stepLine < 0 || !emitStep(top.method, top.stepLine)) {
        return;
      }
      emitVisible(top, top.stepVisible);
    } else if (orphanLine == null || !emitStep(orphanLine.method(), orphanLine.line())) {
      return;
    }
    stepsAddedForOutput++;
  }

  private StreamText stdoutText() {
    if (stdoutText == null) {
      stdoutText = new StreamText(outputCharset);
    }
    return stdoutText;
  }

  private StreamText stderrText() {
    if (stderrText == null) {
      stderrText = new StreamText(errorCharset != null ? errorCharset : outputCharset);
    }
    return stderrText;
  }

  /** The recording ended inside a character the program was writing: it ends as U+FFFD. */
  private void endOutput() {
    if (stdoutText != null) {
      appendOutput(EventLogKind.WRITE, stdoutText.end());
    }
    if (stderrText != null) {
      appendOutput(EventLogKind.WRITE_OTHER, stderrText.end());
    }
  }

  private void flushLog() {
    if (steps > 0 && !beforeFirstStep.isEmpty()) {
      if (!stopped) {
        beforeFirstStep.forEach(this::emit);
      }
      beforeFirstStep.clear();
    }
    if (pendingLogKind >= 0) {
      TraceEvent.Log log = new TraceEvent.Log(pendingLogKind, "", pendingLog.toString());
      if (steps == 0) {
        beforeFirstStep.add(log);
      } else if (!stopped) {
        emit(log);
      }
      pendingLog.setLength(0);
      pendingLogKind = -1;
    }
  }

  private void finishPendingCall() {
    Frame frame = stack.peek();
    if (frame != null && frame.pendingCall && !stopped) {
      emitCall(frame, frame.method.line());
    }
  }

  /** The argument values, the call's step, the call. */
  private void emitCall(Frame frame, int line) {
    RawDefinition.Method method = frame.method;
    int functionId = functionId(method);
    List<TraceEvent.Value> args = new ArrayList<>(method.arguments().length);
    for (int index : method.arguments()) {
      if (index < 0) {
        continue;
      }
      TraceEvent.Value arg = valueOf(frame, index);
      if (arg != null) {
        args.add(arg);
        emit(arg);
      }
    }
    frame.pendingCall = false;
    if (!emitStep(method, line)) {
      return;
    }
    steppedAt(frame, method, line, frame.info.parameterVariables);
    emit(new TraceEvent.Call(functionId, args));
  }

  private boolean emitStep(RawDefinition.Method method, int line) {
    String reason = null;
    if (steps >= limits.maxSteps()) {
      reason = "maxSteps (" + limits.maxSteps() + " steps)";
    } else if (events >= limits.maxEvents()) {
      reason = "maxEvents (" + limits.maxEvents() + " events)";
    } else if (streamReaches(limits.maxBytes())) {
      reason = "maxBytes (" + limits.maxBytes() + " bytes)";
    }
    if (reason != null) {
      truncate(reason);
      return false;
    }
    int pathId = pathId(method.path());
    emit(new TraceEvent.Step(pathId, line));
    steps++;
    frameLeftSinceLastStep = false;
    return true;
  }

  private boolean streamReaches(long bytes) {
    try {
      return streamSize.reaches(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void truncate(String reason) {
    truncationReason = reason;
    truncatedAtStep = steps;
    emit(new TraceEvent.Log(EventLogKind.TRACE_LOG_EVENT, "", "codetracer: recording truncated at step " + steps + ": " + reason));
    stopped = true;
  }

  private void emitVisible(Frame frame, int[] visible) {
    for (int index : visible) {
      TraceEvent.Value value = valueOf(frame, index);
      if (value != null) {
        emit(value);
      }
    }
  }

  /** The value event of the frame's variable number {@code index}, or null when it has no value yet. */
  private TraceEvent.Value valueOf(Frame frame, int index) {
    RawDefinition.Variable variable = frame.method.variables().get(index);
    ValueRecord value;
    if (variable.redacted()) {
      value = values.redacted();
    } else {
      value = variable.slot() < frame.slots.length ? frame.slots[variable.slot()] : null;
      if (value == null) {
        return null;
      }
    }
    int id = frame.info.variableIds[index];
    if (id < 0) {
      id = variableId(variable.name());
      frame.info.variableIds[index] = id;
    }
    return new TraceEvent.Value(id, value);
  }

  private void start(RawDefinition.Method first) {
    if (started) {
      return;
    }
    started = true;
    pathId(first.path());
    emit(new TraceEvent.Function(0, 1, "<toplevel>"));
    nextFunctionId = 1;
    emit(new TraceEvent.Call(0, List.of()));
    types.none();
  }

  private void finish() throws IOException {
    if (!started) {
      pathId("");
      emit(new TraceEvent.Function(0, 1, "<toplevel>"));
      emit(new TraceEvent.Call(0, List.of()));
      types.none();
      started = true;
    }
    endOutput();
    flushLog();
    finishPendingCall();
    // the output before the first step, when that step was the pending call's; else there is none
    flushLog();
    for (TraceEvent.Log log : beforeFirstStep) {
      outputDropped += log.content().length();
    }
    beforeFirstStep.clear();
    if (Boolean.TRUE.equals(facts.get(STOPPED_BY_API)) && !stopped) {
      while (!stack.isEmpty()) {
        stack.pop();
        emit(new TraceEvent.Return(values.error("<recording stopped>")));
      }
    }
    if (uncaught != null && !stopped) {
      emit(new TraceEvent.Log(EventLogKind.ERROR, "", uncaught));
    }
    out.flush();
  }

  private int pathId(String path) {
    Integer id = pathIds.get(path);
    if (id == null) {
      id = pathIds.size();
      pathIds.put(path, id);
      emit(new TraceEvent.Path(path));
    }
    return id;
  }

  private int functionId(RawDefinition.Method method) {
    Integer id = functionIds.get(method.id());
    if (id == null) {
      int pathId = pathId(method.path());
      id = nextFunctionId++;
      functionIds.put(method.id(), id);
      emit(new TraceEvent.Function(pathId, method.line(), method.name()));
    }
    return id;
  }

  private int variableId(String name) {
    Integer id = variableIds.get(name);
    if (id == null) {
      id = variableIds.size();
      variableIds.put(name, id);
      emit(new TraceEvent.VariableName(name));
    }
    return id;
  }

  private void emit(TraceEvent event) {
    try {
      out.write(event);
      events++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
