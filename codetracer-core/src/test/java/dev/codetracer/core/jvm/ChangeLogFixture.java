package dev.codetracer.core.jvm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes change logs by hand, as the agent would, for the expander's tests. */
final class ChangeLogFixture {
  static final String PATH = "/w/Main.java";

  private final List<RawDefinition> definitions = new ArrayList<>();
  private final List<Long> events = new ArrayList<>();
  private final ValueEncoder values = new ValueEncoder(256);
  private boolean compact = true;

  /** Write the events as they are, as the writer thread does when it falls behind. */
  ChangeLogFixture uncompacted() {
    compact = false;
    return this;
  }

  ChangeLogFixture define(RawDefinition definition) {
    definitions.add(definition);
    return this;
  }

  /** A static method with int variables; {@code arguments} are the first variables. */
  ChangeLogFixture method(int id, String name, int line, int arguments, String... variables) {
    List<RawDefinition.Variable> vars = new ArrayList<>();
    for (int i = 0; i < variables.length; i++) {
      vars.add(new RawDefinition.Variable(i, variables[i], "I", false));
    }
    int[] args = new int[arguments];
    Arrays.setAll(args, i -> i);
    return define(new RawDefinition.Method(id, "Main", name, "()V", "Main." + name, PATH, true, line, vars, args, -1));
  }

  ChangeLogFixture probe(int id, int method, int line, int... visible) {
    return define(new RawDefinition.Probe(id, method, line, visible));
  }

  /** A run probe: {@code line}, then the following lines and the items (see RawDefinition.Probe). */
  ChangeLogFixture run(int id, int method, int line, int[] visible, List<RawDefinition.RunLine> following, int... items) {
    return define(new RawDefinition.Probe(id, method, line, visible, following, items));
  }

  ChangeLogFixture handlerEntry(int id, int method) {
    return define(RawDefinition.Probe.handlerEntry(id, method));
  }

  ChangeLogFixture step(int probe) {
    events.add((long) probe);
    return this;
  }

  ChangeLogFixture call(int method) {
    events.add(RawEvents.call(method));
    return this;
  }

  ChangeLogFixture ret(int method) {
    events.add(RawEvents.ret(method));
    return this;
  }

  ChangeLogFixture thrown(int method, String exception) {
    values.error(exception);
    events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_REF, RawEvents.RETURN_SLOT), 0));
    events.add(RawEvents.thrown(method));
    return this;
  }

  ChangeLogFixture intValue(int slot, int value) {
    events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_INT, slot), value));
    return this;
  }

  ChangeLogFixture floatValue(int slot, float value) {
    events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_FLOAT, slot), Float.floatToRawIntBits(value)));
    return this;
  }

  ChangeLogFixture doubleValue(int slot, double value) {
    events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_DOUBLE, slot), 0));
    events.add(Double.doubleToRawLongBits(value));
    return this;
  }

  /** A reference value encoded as the agent encodes a boxed number or a primitive field ({@link ValueEncoder#floatValue}). */
  ChangeLogFixture encodedFloat(int slot, int type, double value) {
    values.floatValue(type, value);
    events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_REF, slot), 0));
    return this;
  }

  ChangeLogFixture intArray(int slot, int... elements) {
    values.startSequence(WellKnownTypes.FIRST_DYNAMIC_ID, elements.length, elements.length);
    for (int e : elements) {
      values.intValue(WellKnownTypes.INT, e);
    }
    events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_REF, slot), 0));
    return this;
  }

  /** A splice of the int sequence in {@code slot}: elements {@code from} to {@code from + removed} become {@code added}. */
  ChangeLogFixture splicedIntArray(int slot, int previousShown, int total, int from, int removed, int... added) {
    values.startSplice(false, previousShown, total, from, removed, added.length);
    for (int e : added) {
      values.intValue(WellKnownTypes.INT, e);
    }
    events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_REF, slot), 0));
    return this;
  }

  ChangeLogFixture element(int slot, int index, int value) {
    events.add(RawEvents.element(slot, index));
    events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_INT, RawEvents.ELEMENT_SLOT), value));
    return this;
  }

  ChangeLogFixture stdout(String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    values.blob(bytes, 0, bytes.length);
    events.add(RawEvents.output(RawEvents.STDOUT));
    return this;
  }

  /** Writes the log; {@code finished} false leaves out the END record, as a killed JVM does. */
  Path write(Path file, boolean finished) throws IOException {
    try (RawLogWriter writer = new RawLogWriter(file)) {
      writer.definitions(definitions);
      long[] array = events.stream().mapToLong(Long::longValue).toArray();
      if (compact) {
        EventCodec codec = new EventCodec();
        codec.encode(array, array.length);
        writer.encodedEvents(array.length, codec, values.array(), values.size());
      } else {
        writer.rawEvents(array, array.length, values.array(), values.size());
      }
      if (finished) {
        writer.end();
      }
    }
    return file;
  }
}
