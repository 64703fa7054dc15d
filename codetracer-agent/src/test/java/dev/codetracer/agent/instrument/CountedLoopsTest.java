package dev.codetracer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which loops the instrumenter counts (steps and calls only), and that what it makes passes the
 * JVM's verifier and computes what the original computes. That the steps come out right is
 * {@code CountedLoopsIT}'s part.
 */
class CountedLoopsTest {
  /** The shapes of loop; instrumented from this class file. */
  public static final class Shapes {
    private int total;

    public static int straight(int n) {
      int sum = 0;
      for (int i = 0; i < n; i++) {
        sum += i * 3;
      }
      return sum;
    }

    public static int branching(int n) {
      int odd = 0;
      for (int i = 0; i < n; i++) {
        if (i % 2 == 1) {
          odd++;
        }
      }
      return odd;
    }

    public static int callingMath(int n) {
      int sum = 0;
      for (int i = 0; i < n; i++) {
        sum += Math.abs(i - 5);
      }
      return sum;
    }

    public static int callingTheProgram(int n) {
      int sum = 0;
      for (int i = 0; i < n; i++) {
        sum += straight(i);
      }
      return sum;
    }

    public static int nested(int n) {
      int cells = 0;
      for (int row = 0; row < n; row++) {
        for (int column = 0; column < row; column++) {
          cells++;
        }
      }
      return cells;
    }

    public int onField(int n) {
      while (total < n) {
        total += 2;
      }
      return total;
    }

    public static int throwing(int[] values) {
      int sum = 0;
      try {
        for (int i = 0; ; i++) {
          sum += values[i];
        }
      } catch (ArrayIndexOutOfBoundsException e) {
        return sum;
      }
    }
  }

  @Test
  void loopsThatRunStraightThroughAndCallNothingAreCounted() throws IOException {
    ClassNode instrumented = read(instrument(Shapes.class, true));

    assertThat(counted(instrumented, "straight")).isTrue();
    assertThat(counted(instrumented, "onField")).isTrue();
    assertThat(counted(instrumented, "throwing")).isTrue();
    assertThat(counted(instrumented, "nested")).as("the inner loop").isTrue();
    assertThat(counted(instrumented, "callingMath")).as("a call that runs no code of the program").isTrue();
    assertThat(counted(instrumented, "branching")).as("a branch inside").isFalse();
    assertThat(counted(instrumented, "callingTheProgram")).as("a call of the program inside").isFalse();
  }

  @Test
  void nothingIsCountedWhenValuesAreRecordedOrCountingIsOff() throws IOException {
    for (ClassNode instrumented : List.of(read(instrument(Shapes.class, false)), read(instrumentWithValues(Shapes.class)))) {
      assertThat(instrumented.methods).noneMatch(method -> calls(method, "loop"));
    }
  }

  @Test
  void countedLoopsVerifyAndComputeWhatTheOriginalComputes() throws Exception {
    Class<?> instrumented = define(Shapes.class.getName(), instrument(Shapes.class, true));

    assertThat(invoke(instrumented, "straight", 10)).isEqualTo(Shapes.straight(10));
    assertThat(invoke(instrumented, "branching", 9)).isEqualTo(Shapes.branching(9));
    assertThat(invoke(instrumented, "callingMath", 9)).isEqualTo(Shapes.callingMath(9));
    assertThat(invoke(instrumented, "callingTheProgram", 9)).isEqualTo(Shapes.callingTheProgram(9));
    assertThat(invoke(instrumented, "nested", 7)).isEqualTo(Shapes.nested(7));
    Method throwing = instrumented.getMethod("throwing", int[].class);
    assertThat(throwing.invoke(null, (Object) new int[] {4, 5, 6})).isEqualTo(15);
    Object shapes = instrumented.getConstructor().newInstance();
    assertThat(instrumented.getMethod("onField", int.class).invoke(shapes, 9)).isEqualTo(10);
  }

  private static byte[] instrument(Class<?> type, boolean countLoops) throws IOException {
    return new ClassInstrumenter(new SourceResolver(List.of()), false, null, true, countLoops).instrument(bytesOf(type));
  }

  private static byte[] instrumentWithValues(Class<?> type) throws IOException {
    return new ClassInstrumenter(new SourceResolver(List.of()), true, null, true, true).instrument(bytesOf(type));
  }

  private static byte[] bytesOf(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(classFileName(type))) {
      return in.readAllBytes();
    }
  }

  private static String classFileName(Class<?> type) {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1) + ".class";
  }

  private static ClassNode read(byte[] bytes) {
    ClassNode node = new ClassNode();
    new ClassReader(bytes).accept(node, 0);
    return node;
  }

  private static boolean counted(ClassNode type, String methodName) {
    MethodNode method = type.methods.stream().filter(m -> m.name.equals(methodName)).findFirst().orElseThrow();
    return calls(method, "loop");
  }

  private static boolean calls(MethodNode method, String probe) {
    for (AbstractInsnNode node : method.instructions) {
      if (node.getOpcode() == Opcodes.INVOKESTATIC && node instanceof MethodInsnNode call
          && call.owner.equals(ProbeCode.PROBES) && call.name.equals(probe)) {
        return true;
      }
    }
    return false;
  }

  private static Object invoke(Class<?> type, String name, int argument) throws Exception {
    return type.getMethod(name, int.class).invoke(null, argument);
  }

  /** Defines the instrumented class in a loader of its own, which the verifier checks. */
  private static Class<?> define(String name, byte[] bytes) throws ClassNotFoundException {
    ClassLoader loader =
        new ClassLoader(CountedLoopsTest.class.getClassLoader()) {
          @Override
          protected Class<?> loadClass(String requested, boolean resolve) throws ClassNotFoundException {
            if (requested.equals(name)) {
              synchronized (getClassLoadingLock(requested)) {
                Class<?> loaded = findLoadedClass(requested);
                return loaded != null ? loaded : defineClass(requested, bytes, 0, bytes.length);
              }
            }
            return super.loadClass(requested, resolve);
          }
        };
    return Class.forName(name, true, loader);
  }
}
