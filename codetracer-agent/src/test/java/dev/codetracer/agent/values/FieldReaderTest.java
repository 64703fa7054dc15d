package dev.codetracer.agent.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.jvm.RawEvents;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The surefire configuration exports jdk.internal.misc to every unnamed module, the reader's
 * loader's included, where the agent has java.base export it to that loader's alone: these tests
 * read at offsets, and check that a receiver of the wrong class is refused rather than read.
 */
class FieldReaderTest {
  @BeforeAll
  static void installTheReader() {
    OffsetReaders.install(module -> {});
  }

  @SuppressWarnings("unused")
  static class EveryKind {
    int i = -7;
    long l = Long.MIN_VALUE + 3;
    boolean z = true;
    char c = '\uFF5E'; // above 0x7FFF: read as a short, it must not be sign-extended
    short s = -300;
    byte b = -2;
    float f = Float.intBitsToFloat(0x7fc0_0001); // a NaN with a payload: its bits, not its value
    double d = -0.25;
    Object o = "text";
    volatile long vl = 42;
    volatile Object vo = List.of(1);
  }

  static class Child extends EveryKind {
    int own = 9;
  }

  record Point(int x, String label) {}

  private static FieldReader reader(Class<?> type, String name) throws NoSuchFieldException {
    return FieldReader.of(type.getDeclaredField(name));
  }

  @Test
  void readsAtOffsetsWhereJavaBaseExportsItsUnsafe() {
    assertThat(OffsetReaders.isInstalled()).isTrue();
  }

  @Test
  void everyKindOfFieldReadsAsReflectionReadsIt() throws Exception {
    EveryKind object = new Child();
    FieldReader own = reader(Child.class, "own");
    assertThat(own.getInt(object)).isEqualTo(9);
    assertThat(reader(EveryKind.class, "b").getByte(object)).isEqualTo((byte) -2);
    assertThat(reader(EveryKind.class, "o").get(object)).isEqualTo("text");
    assertThat(reader(EveryKind.class, "vo").get(object)).isEqualTo(List.of(1));
    List<Long> read = new ArrayList<>();
    List<Long> reflected = new ArrayList<>();
    for (Field field : EveryKind.class.getDeclaredFields()) {
      if (field.getType().isPrimitive()) {
        int kind = RawEvents.kindOf(field.getType().descriptorString());
        read.add(FieldReader.of(field).bits(object, kind));
        field.setAccessible(true);
        reflected.add(bitsOf(field.get(object)));
      }
    }
    assertThat(read).hasSize(9).containsExactlyElementsOf(reflected);
  }

  /** What a fingerprint compares: int-likes sign-extended but chars, booleans as 1 or 0, IEEE bits. */
  private static long bitsOf(Object boxed) {
    if (boxed instanceof Boolean z) {
      return z ? 1 : 0;
    } else if (boxed instanceof Character c) {
      return c;
    } else if (boxed instanceof Float f) {
      return Float.floatToRawIntBits(f);
    } else if (boxed instanceof Double d) {
      return Double.doubleToRawLongBits(d);
    }
    return ((Number) boxed).longValue();
  }

  @Test
  void theJdksPrivateFieldsAreReadThoughJavaBaseOpensNothing() throws Exception {
    ArrayList<String> list = new ArrayList<>(List.of("a", "b"));
    assertThat(reader(ArrayList.class, "size").getInt(list)).isEqualTo(2);
    assertThat((Object[]) reader(ArrayList.class, "elementData").get(list)).startsWith("a", "b");
    assertThat(ArrayList.class.getDeclaredField("size").trySetAccessible()).isFalse();
  }

  @Test
  void aRecordsComponentsAreRead() throws Exception {
    Point point = new Point(3, "p");
    assertThat(reader(Point.class, "x").getInt(point)).isEqualTo(3);
    assertThat(reader(Point.class, "label").get(point)).isEqualTo("p");
  }

  @Test
  void anObjectWithoutTheFieldIsRefusedNotRead() throws Exception {
    FieldReader label = reader(Point.class, "label");
    assertThatThrownBy(() -> label.get(new EveryKind())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EveryKind");
    assertThatThrownBy(() -> label.get(null)).isInstanceOf(IllegalArgumentException.class);
    FieldReader i = reader(EveryKind.class, "i");
    assertThatThrownBy(() -> i.getInt("a string")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSubclassesInstanceIsReadAndAnotherClassStillRefusedAfterIt() throws Exception {
    FieldReader i = reader(EveryKind.class, "i");

    assertThat(i.getInt(new Child())).isEqualTo(-7);
    assertThat(i.getInt(new Child())).as("again, the subclass now known").isEqualTo(-7);
    assertThatThrownBy(() -> i.getInt("a string")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> i.getInt(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(i.getInt(new EveryKind())).isEqualTo(-7);
  }

  @Test
  void aMapsEntryIsReadInOneCallAndASubclassesOrAnotherClassesOneByOneOrNotAtAll() throws Exception {
    java.util.HashMap<String, Integer> map = new java.util.HashMap<>();
    map.put("a", 1);
    Object[] table = (Object[]) reader(java.util.HashMap.class, "table").get(map);
    Object node = java.util.Arrays.stream(table).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    Class<?> nodeClass = Class.forName("java.util.HashMap$Node");
    FieldReader key = reader(nodeClass, "key");
    FieldReader value = reader(nodeClass, "value");
    FieldReader next = reader(nodeClass, "next");
    Object[] out = new Object[4];

    assertThat(key.getPairAndLink(node, value, next, out, 1)).isNull();
    assertThat(out).containsExactly(null, "a", 1, null);

    EveryKind child = new Child();
    FieldReader o = reader(EveryKind.class, "o");
    FieldReader vo = reader(EveryKind.class, "vo");
    assertThat(o.getPairAndLink(child, vo, o, out, 0)).as("a subclass's instance, read field by field").isEqualTo("text");
    assertThat(out).startsWith("text", List.of(1));
    assertThatThrownBy(() -> key.getPairAndLink("a string", value, next, out, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
