package dev.codetracer.core.trace;

import java.util.List;

/** The {@code specific_info} of a {@code Type} event. */
public sealed interface TypeSpecificInfo {
  None NONE = new None();

  record None() implements TypeSpecificInfo {}

  record Struct(List<Field> fields) implements TypeSpecificInfo {}

  record Pointer(long dereferenceTypeId) implements TypeSpecificInfo {}

  record Field(String name, long typeId) {}
}
