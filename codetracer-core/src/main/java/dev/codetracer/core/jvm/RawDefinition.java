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
   * A line probe: a step.
   *
   * @param visible indexes into the method's variables of those in scope at this line
   */
  record Probe(int id, int method, int line, int[] visible) implements RawDefinition {}

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
