package dev.codetracer.agent.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    char c = 'é';
    short s = -300;
    byte b = -2;
    float f = 1.5f;
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
    assertThat(FieldReader.readsAtOffsets()).isTrue();
  }

  @Test
  void everyKindOfFieldReadsAsReflectionReadsIt() throws Exception {
    EveryKind object = new Child();
    List<Object> read = new ArrayList<>();
    List<Object> reflected = new ArrayList<>();
    for (Field field : EveryKind.class.getDeclaredFields()) {
      FieldReader reader = FieldReader.of(field);
      Class<?> type = field.getType();
      if (type == int.class) {
        read.add(reader.getInt(object));
      } else if (type == long.class) {
        read.add(reader.getLong(object));
      } else if (type == boolean.class) {
        read.add(reader.getBoolean(object));
      } else if (type == char.class) {
        read.add(reader.getChar(object));
      } else if (type == short.class) {
        read.add(reader.getShort(object));
      } else if (type == byte.class) {
        read.add(reader.getByte(object));
      } else if (type == float.class) {
        read.add(reader.getFloat(object));
      } else if (type == double.class) {
        read.add(reader.getDouble(object));
      } else {
        read.add(reader.get(object));
      }
      field.setAccessible(true);
      reflected.add(field.get(object));
    }
    assertThat(read).hasSize(11).containsExactlyElementsOf(reflected);
    assertThat(reader(Child.class, "own").getInt(object)).isEqualTo(9);
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
}
