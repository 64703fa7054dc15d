package dev.codetracer.agent.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.jvm.AgentOptions;
import dev.codetracer.core.jvm.ValueEncoder;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A variable's captures and re-captures, as the recording thread makes them at its lines. The JDK's
 * own fields (a StringBuilder's) are read at their offsets, as in the agent (see {@link
 * FieldReaderTest} for how the tests may).
 */
class ValueCaptureTest {
  private static final AgentOptions DEFAULTS = AgentOptions.parse("");
  private static final int DEPTH = 1;
  private static final int SLOT = 2;

  private final ValueCapture capture = new ValueCapture(DEFAULTS);

  @BeforeAll
  static void installTheReader() {
    OffsetReaders.install(module -> {});
  }

  @Test
  void anArrayOfStringsIsKeptAsACopyAndFoundUnchangedUntilAnElementIs() {
    String[] cells = {"ada", "apple", "3"};
    Object kept = capture.capture(cells, DEPTH, SLOT);

    assertThat(capture.refresh(cells, DEPTH, SLOT)).as("nothing changed").isSameAs(ValueCapture.SAME);

    cells[1] = "pear";
    Object changed = capture.refresh(cells, DEPTH, SLOT);

    assertThat(changed).isNotSameAs(ValueCapture.SAME);
    assertThat(encoded(changed)).isEqualTo(snapshot(new String[] {"ada", "pear", "3"}));
    assertThat(encoded(kept)).as("the copy kept for the writer is the array as it was").isEqualTo(snapshot(new String[] {"ada", "apple", "3"}));
    assertThat(capture.refresh(cells, DEPTH, SLOT)).as("the change is now known").isSameAs(ValueCapture.SAME);
  }

  @Test
  void aValueThatCannotChangeIsTheSameUntilTheVariableHoldsAnotherObject() {
    Order order = new Order("ada", 3);
    Order equalOrder = new Order("ada", 3);

    assertThat(capture.capture(order, DEPTH, SLOT)).as("kept as it is").isSameAs(order);
    assertThat(capture.refresh(order, DEPTH, SLOT)).isSameAs(ValueCapture.SAME);
    assertThat(capture.refresh(equalOrder, DEPTH, SLOT)).as("another object: kept anew").isSameAs(equalOrder);
    assertThat(capture.refresh(order, DEPTH, SLOT)).as("the first again: a change of the variable").isSameAs(order);
    assertThat(capture.refresh(order, DEPTH + 1, SLOT)).as("another frame's variable").isSameAs(order);
  }

  @Test
  void aValueThatCannotChangeIsNotTheSameAfterTheVariableHeldASnapshot() {
    String name = "ada";
    capture.capture(name, DEPTH, SLOT);
    capture.capture(new StringBuilder(name), DEPTH, SLOT);

    assertThat(capture.refresh(name, DEPTH, SLOT)).isSameAs(name);
  }

  record Order(String customer, int quantity) {}

  @Test
  void aBuilderKnownToHaveOnlyGrownIsReadPastItsLastSnapshot() {
    StringBuilder text = captured(new StringBuilder("ab"));

    assertThat(capture.refreshGrown(text, DEPTH, SLOT)).as("nothing appended").isSameAs(ValueCapture.SAME);
    text.append("cd");
    assertThat(encoded(capture.refreshGrown(text, DEPTH, SLOT))).isEqualTo(growth(2, 4, "cd"));
    text.setCharAt(0, 'X');
    assertThat(encoded(capture.refresh(text, DEPTH, SLOT))).as("a rewrite, re-checked in full").isEqualTo(snapshot(new StringBuilder("Xbcd")));
    text.append('\u0100');
    assertThat(encoded(capture.refreshGrown(text, DEPTH, SLOT))).as("now UTF-16: snapshotted whole")
        .isEqualTo(snapshot(new StringBuilder("Xbcd\u0100")));
    List<String> list = new java.util.ArrayList<>(List.of("a"));
    capture.capture(list, DEPTH, SLOT + 1);
    list.set(0, "b");
    assertThat(capture.refreshGrown(list, DEPTH, SLOT + 1)).as("not a builder: compared as ever").isNotSameAs(ValueCapture.SAME);
    assertThat(capture.refreshGrown(list, DEPTH, SLOT + 1)).as("the change is now known").isSameAs(ValueCapture.SAME);
  }

  @Test
  void anArrayKeptAsACopyIsEncodedAsItsSnapshotWouldBe() {
    String[] cells = {"x", null, "z"};

    Object kept = capture.capture(cells, DEPTH, SLOT);

    assertThat(kept).as("kept for the writer, not encoded on the recording thread").isNotInstanceOf(byte[].class);
    assertThat(encoded(kept)).isEqualTo(snapshot(cells));
  }

  @Test
  void aBuilderThatGrewIsKeptAsItsGrowthAsTheBuilderWasThen() {
    StringBuilder text = captured(new StringBuilder("ab"));

    Object grown = appendedAndRefreshed(text, "cd");
    text.setCharAt(2, 'X'); // in place, before the writer encodes the growth
    Object rewritten = capture.refresh(text, DEPTH, SLOT);

    assertThat(grown).as("kept for the writer, not encoded on the recording thread").isNotInstanceOf(byte[].class);
    assertThat(encoded(grown)).as("encoded after later changes: as it was").isEqualTo(growth(2, 4, "cd"));
    assertThat(encoded(rewritten)).as("not a growth: the builder anew").isEqualTo(snapshot(text));
  }

  @Test
  void aBuilderThatGrewPastItsPrintsRoomKeepsItsEarlierGrowths() {
    StringBuilder text = captured(new StringBuilder("ab"));

    Object grown = appendedAndRefreshed(text, "cd");
    Object grownAgain = appendedAndRefreshed(text, "e".repeat(100));

    assertThat(encoded(grown)).isEqualTo(growth(2, 4, "cd"));
    assertThat(encoded(grownAgain)).isEqualTo(growth(4, 104, "e".repeat(100)));
  }

  @SuppressWarnings("unused")
  static final class Point {
    int x;
    String label;
  }

  @SuppressWarnings("unused")
  static final class Box {
    Object content;
  }

  @Test
  void aConstructorsThisIsItsClasssBlankSnapshotWhileItsFieldsHoldTheirDefaults() {
    Point moved = new Point();
    moved.x = 3;

    List<Object> captured = List.of(new Point(), new Box(), new Point(), moved, new Box());

    List<byte[]> encoded = captured.stream().map(value -> encoded(capture.captureConstructing(value, DEPTH, SLOT))).toList();
    // each as this capture snapshots it anywhere else (its layouts are its own)
    assertThat(encoded).zipSatisfy(captured, (bytes, value) -> assertThat(bytes).isEqualTo(encoded(capture.capture(value))));
    assertThat(encoded.get(3)).isNotEqualTo(encoded.get(0));
  }

  private StringBuilder captured(StringBuilder text) {
    capture.capture(text, DEPTH, SLOT);
    return text;
  }

  private Object appendedAndRefreshed(StringBuilder text, String added) {
    text.append(added);
    return capture.refresh(text, DEPTH, SLOT);
  }

  private static byte[] growth(int previousKept, int length, String added) {
    ValueEncoder out = new ValueEncoder(64);
    byte[] bytes = added.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    out.latin1Append(previousKept, length, bytes, 0, bytes.length);
    return out.toByteArray();
  }

  private byte[] encoded(Object kept) {
    ValueEncoder out = new ValueEncoder(64);
    capture.encodeKept(kept, out);
    return out.toByteArray();
  }

  private static byte[] snapshot(Object value) {
    ValueEncoder out = new ValueEncoder(64);
    new SnapshotWriter(DEFAULTS.depth(), DEFAULTS.maxString(), DEFAULTS.maxElements(), SnapshotWriter.layouts(DEFAULTS.redact()))
        .snapshot(value, out);
    return out.toByteArray();
  }
}
