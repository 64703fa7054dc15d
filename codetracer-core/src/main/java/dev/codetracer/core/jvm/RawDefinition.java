package dev.codetracer.core.jvm;

import java.util.List;

/**
 * What the ids in the agent's change log mean. The agent writes each definition before the first
 * event that uses it; the expander reads them in order. Stored as JSON by {@link DefinitionCodec}.
 */
public sealed interface RawDefinition {

  /**
   * An instrumented method.
   *
   * @param name the readable name CodeTracer shows ({@code pkg.Outer.Inner.method})
   * @param path the source path (absolute when the file was found)
   * @param line the method's first line
   * @param variables its local variables (from the LocalVariableTable; without one, {@code this}
   *     and the parameters as {@code arg0}...)
   * @param arguments indexes into {@code variables} of the parameters, in order
   * @param thisVariable index into {@code variables} of {@code this}, or -1
   */
  record Method(
      int id,
      String className,
      String methodName,
      String descriptor,
      String name,
      String path,
      boolean sourceFound,
      int line,
      List<Variable> variables,
      int[] arguments,
      int thisVariable)
      implements RawDefinition {}

  /**
   * A local variable.
   *
   * @param redacted its name matches the redaction pattern: its values are never recorded
   */
  record Variable(int slot, String name, String descriptor, boolean redacted) {}

  /**
   * A line probe: a step, or the steps of a straight run of lines (one probe for the lines of a
   * basic block that follow one another without a branch, so the hot path logs one event for
   * them). The first line's step is the probe's; the following lines are derived by the expander
   * from {@code items}, the events the run logs after its probe, in order: a value (its slot) or the
   * step of the next line ({@code -1 - k}: {@code following[k]}). A step is taken once every value
   * before it has arrived; the instrumenter only continues a run past a line when nothing that can
   * throw comes after that line's last value, so a run cut short by an exception never shows a line
   * it did not reach. A probe with line {@code -1} marks the entry of an exception handler: it ends
   * the method's pending run and is no step.
   *
   * @param visible indexes into the method's variables of those in scope at this line
   * @param following the lines after the first, each with the variables in scope there
   * @param items the run's events after its probe: a value's slot, or {@code -1 - k} for the step of
   *     {@code following[k]}
   */
  record Probe(int id, int method, int line, int[] visible, List<RunLine> following, int[] items)
      implements RawDefinition {
    public static final int HANDLER_ENTRY = -1;

    /** A probe for one line. */
    public Probe(int id, int method, int line, int[] visible) {
      this(id, method, line, visible, List.of(), new int[0]);
    }

    /** The marker of an exception handler's entry (no step). */
    public static Probe handlerEntry(int id, int method) {
      return new Probe(id, method, HANDLER_ENTRY, new int[0]);
    }

    public boolean isHandlerEntry() {
      return line == HANDLER_ENTRY;
    }

    /** The steps this probe stands for: its lines. */
    public int steps() {
      return isHandlerEntry() ? 0 : 1 + following.size();
    }
  }

  /**
   * A loop the agent counts instead of logging its steps: each pass visits {@code probes} in this
   * order, and a {@code LOOP} event says how many of those visits ran since the loop was entered
   * (the probes in turn, from the first).
   */
  record Loop(int id, int method, int[] probes) implements RawDefinition {}

  /** A line of a run after its first: the line and the variables in scope there. */
  record RunLine(int line, int[] visible) {}

  /** The fields of a class whose objects are recorded as structs. */
  record Layout(int id, String typeName, List<String> fields) implements RawDefinition {}

  /** A type name used by values (sequences, raw values, enums). */
  record TypeName(int id, String name) implements RawDefinition {}

  /**
   * A fact for the metadata (threads left unrecorded, classes without source, the options in
   * force, ...). A later fact with the same key replaces an earlier one.
   */
  record Fact(String key, Object value) implements RawDefinition {}
}
