package dev.codetracer.core.trace;

import java.util.List;

/**
 * One event of CodeTracer's runtime_tracing stream ({@code trace.json} / {@code trace.bin}). Ids
 * are the 0-based position of the defining event among the events of its kind.
 */
public sealed interface TraceEvent {

  /** The kind as the stream spells it ({@code "Step"}, {@code "Event"} for a {@link Log}, ...). */
  default String kindName() {
    if (this instanceof Log) {
      return "Event";
    }
    if (this instanceof Other other) {
      return other.kind();
    }
    return getClass().getSimpleName();
  }

  record Path(String path) implements TraceEvent {}

  record Function(long pathId, long line, String name) implements TraceEvent {}

  record Type(int kind, String langType, TypeSpecificInfo specificInfo) implements TraceEvent {}

  record VariableName(String name) implements TraceEvent {}

  record Step(long pathId, long line) implements TraceEvent {}

  record Value(long variableId, ValueRecord value) implements TraceEvent {}

  record Call(long functionId, List<Value> args) implements TraceEvent {}

  record Return(ValueRecord returnValue) implements TraceEvent {}

  /** An {@code Event}: output and other I/O; see {@link EventLogKind}. */
  record Log(int kind, String metadata, String content) implements TraceEvent {}

  record ThreadStart(long threadId) implements TraceEvent {}

  record ThreadExit(long threadId) implements TraceEvent {}

  record ThreadSwitch(long threadId) implements TraceEvent {}

  record DropVariables(List<Long> variableIds) implements TraceEvent {}

  /**
   * An event of a kind this project never writes but other recorders may ({@code Asm}, {@code
   * BindVariable}, ...). Kept as its parsed JSON so a reader accepts any valid stream.
   */
  record Other(String kind, Object payload) implements TraceEvent {}
}
