package dev.codetracer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

class MutationFlowTest {
  private static MethodInsnNode call(int op, String owner, String name, String desc) {
    return new MethodInsnNode(op, owner, name, desc, false);
  }

  @Test
  void callsThatChangeNothingAVariableHoldsDoNotDirtyIt() {
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEVIRTUAL, "java/lang/String", "split", "(Ljava/lang/String;)[Ljava/lang/String;"))).isZero();
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKESTATIC, "java/lang/Integer", "parseInt", "(Ljava/lang/String;)I"))).isZero();
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKESTATIC, "java/lang/Math", "max", "(II)I"))).isZero();
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V"))).isZero();
    Handle concat = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory", "makeConcatWithConstants", "()V", false);
    assertThat(MutationFlow.mutation(new InvokeDynamicInsnNode("makeConcatWithConstants", "(ILjava/lang/String;)Ljava/lang/String;", concat))).isZero();
  }

  @Test
  void callsThatMayRunTheProgramsCodeOrChangeWhatTheyAreGivenDirtyEverything() {
    // String.valueOf(Object) and String.format run toString() of the program's objects
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;"))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKESTATIC, "java/lang/String", "format", "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;"))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEVIRTUAL, "java/lang/String", "contains", "(Ljava/lang/CharSequence;)Z"))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEINTERFACE, "java/util/List", "size", "()I"))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKESTATIC, "a/B", "f", "()V"))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/Object;)Ljava/lang/StringBuilder;"))).isEqualTo(MutationFlow.DIRTY);
    Handle concat = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory", "makeConcatWithConstants", "()V", false);
    assertThat(MutationFlow.mutation(new InvokeDynamicInsnNode("makeConcatWithConstants", "(Ljava/lang/Object;)Ljava/lang/String;", concat))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(new FieldInsnNode(Opcodes.PUTFIELD, "a/B", "x", "I"))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(new InsnNode(Opcodes.IASTORE))).isEqualTo(MutationFlow.DIRTY);
  }

  @Test
  void aBuildersMethodChangesOnlyWhatMayHoldABuilder() {
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;"))).isEqualTo(MutationFlow.BUILDERS);
    long state = MutationFlow.BUILDERS;
    assertThat(MutationFlow.needsRefresh(state, 1, "Ljava/lang/StringBuilder;")).isTrue();
    assertThat(MutationFlow.needsRefresh(state, 1, "Ljava/lang/Object;")).isTrue();
    assertThat(MutationFlow.needsRefresh(state, 1, "Ljava/util/List;")).isTrue();
    assertThat(MutationFlow.needsRefresh(state, 1, "[Ljava/lang/StringBuilder;")).isTrue();
    assertThat(MutationFlow.needsRefresh(state, 1, "[Ljava/lang/String;")).isFalse();
    assertThat(MutationFlow.needsRefresh(state, 1, "[[I")).isFalse();
    assertThat(MutationFlow.needsRefresh(MutationFlow.DIRTY, 1, "[I")).isTrue();
    assertThat(MutationFlow.needsRefresh(1L << 2, 2, "[I")).as("its own covered store").isFalse();
    assertThat(MutationFlow.needsRefresh(1L << 2, 3, "[I")).as("another local's covered store").isTrue();
    assertThat(MutationFlow.needsRefresh(0, 3, "Ljava/lang/Object;")).isFalse();
  }
}
