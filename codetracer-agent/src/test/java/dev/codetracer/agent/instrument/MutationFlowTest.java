package dev.codetracer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

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
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEINTERFACE, "java/util/List", "addAll", "(Ljava/util/Collection;)Z"))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKESTATIC, "java/util/Collections", "sort", "(Ljava/util/List;)V"))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKESTATIC, "a/B", "f", "()V"))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/Object;)Ljava/lang/StringBuilder;"))).isEqualTo(MutationFlow.DIRTY);
    Handle concat = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory", "makeConcatWithConstants", "()V", false);
    assertThat(MutationFlow.mutation(new InvokeDynamicInsnNode("makeConcatWithConstants", "(Ljava/lang/Object;)Ljava/lang/String;", concat))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(new FieldInsnNode(Opcodes.PUTFIELD, "a/B", "x", "I"))).isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(new InsnNode(Opcodes.IASTORE))).isEqualTo(MutationFlow.DIRTY);
  }

  @Test
  void aBuilderThatOnlyAppendedOrWasReadCanOnlyHaveGrownAtItsEnd() {
    for (String name : List.of("append", "appendCodePoint", "length", "toString", "<init>")) {
      assertThat(MutationFlow.mutation(call(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", name, "(I)Ljava/lang/StringBuilder;")))
          .as(name).isEqualTo(MutationFlow.BUILDERS);
    }
    for (String name : List.of("insert", "setCharAt", "setLength", "delete", "deleteCharAt", "replace", "reverse")) {
      assertThat(MutationFlow.mutation(call(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuffer", name, "(I)Ljava/lang/StringBuffer;")))
          .as(name).isEqualTo(MutationFlow.BUILDERS | MutationFlow.BUILDERS_REWRITTEN);
    }
    assertThat(MutationFlow.onlyGrewBuilders(MutationFlow.BUILDERS)).isTrue();
    assertThat(MutationFlow.onlyGrewBuilders(MutationFlow.BUILDERS | 1L << 3)).as("and an array's covered store").isTrue();
    assertThat(MutationFlow.onlyGrewBuilders(MutationFlow.BUILDERS | MutationFlow.BUILDERS_REWRITTEN)).isFalse();
    assertThat(MutationFlow.onlyGrewBuilders(MutationFlow.BUILDERS | MutationFlow.DIRTY)).isFalse();
    assertThat(MutationFlow.onlyGrewBuilders(MutationFlow.BUILDERS | MutationFlow.GUARDED)).as("a guard may find the program's code").isFalse();
    assertThat(MutationFlow.onlyGrewBuilders(1L << 3)).as("no builder's call").isFalse();
    assertThat(MutationFlow.needsRefresh(MutationFlow.BUILDERS_REWRITTEN | MutationFlow.BUILDERS, 59, "[I"))
        .as("the flag is not a covered store").isFalse();
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

  @Test
  void callsOnJdkCollectionsThatChangeAtMostTheirReceiverAreGuarded() {
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEINTERFACE, "java/util/List", "size", "()I"))).isEqualTo(MutationFlow.GUARDED);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEINTERFACE, "java/util/Iterator", "next", "()Ljava/lang/Object;"))).isEqualTo(MutationFlow.GUARDED);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEINTERFACE, "java/util/Map$Entry", "getValue", "()Ljava/lang/Object;"))).isEqualTo(MutationFlow.GUARDED);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEVIRTUAL, "java/util/ArrayList", "add", "(Ljava/lang/Object;)Z"))).isEqualTo(MutationFlow.GUARDED);
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEINTERFACE, "java/util/Map", "put", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"))).isEqualTo(MutationFlow.GUARDED);
    assertThat(GuardedCalls.kindOf(call(Opcodes.INVOKEINTERFACE, "java/util/List", "get", "(I)Ljava/lang/Object;"))).isEqualTo(GuardedCalls.Kind.READ_AT);
    assertThat(GuardedCalls.kindOf(call(Opcodes.INVOKEINTERFACE, "java/util/Map", "containsKey", "(Ljava/lang/Object;)Z"))).isEqualTo(GuardedCalls.Kind.LOOKUP);
    // the program's own class, even with a collection's method names
    assertThat(MutationFlow.mutation(call(Opcodes.INVOKEVIRTUAL, "a/MyList", "add", "(Ljava/lang/Object;)Z"))).isEqualTo(MutationFlow.DIRTY);
  }

  @Test
  void aMergeIsGuardedOnlyWithAFunctionOfTheJdkThatCapturesNothing() {
    Handle lambdas = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory", "metafactory", "()V", false);
    Handle sum = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Integer", "sum", "(II)I", false);
    Handle own = new Handle(Opcodes.H_INVOKESTATIC, "a/B", "lambda$f$0", "(Ljava/lang/Integer;Ljava/lang/Integer;)Ljava/lang/Integer;", false);
    String merge = "(Ljava/lang/Object;Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object;";

    assertThat(MutationFlow.mutation(mergeAfter(new InvokeDynamicInsnNode("apply", "()Ljava/util/function/BiFunction;", lambdas,
        Type.getType("(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"), sum, Type.getType("(Ljava/lang/Integer;Ljava/lang/Integer;)Ljava/lang/Integer;")), merge)))
        .isEqualTo(MutationFlow.GUARDED);
    assertThat(MutationFlow.mutation(mergeAfter(new InvokeDynamicInsnNode("apply", "()Ljava/util/function/BiFunction;", lambdas,
        Type.getType("(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"), own, Type.getType("(Ljava/lang/Integer;Ljava/lang/Integer;)Ljava/lang/Integer;")), merge)))
        .as("the program's lambda may change anything").isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(mergeAfter(new InvokeDynamicInsnNode("apply", "(Ljava/util/List;)Ljava/util/function/BiFunction;", lambdas,
        Type.getType("(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"), sum, Type.getType("(Ljava/lang/Integer;Ljava/lang/Integer;)Ljava/lang/Integer;")), merge)))
        .as("a function that captures a value").isEqualTo(MutationFlow.DIRTY);
    assertThat(MutationFlow.mutation(mergeAfter(new VarInsnNode(Opcodes.ALOAD, 3), merge)))
        .as("a function from a variable").isEqualTo(MutationFlow.DIRTY);
  }

  private static MethodInsnNode mergeAfter(AbstractInsnNode function, String descriptor) {
    InsnList code = new InsnList();
    MethodInsnNode merge = call(Opcodes.INVOKEINTERFACE, "java/util/Map", "merge", descriptor);
    code.add(function);
    code.add(merge);
    return merge;
  }

  @Test
  void aGuardedCallLeavesTheRefreshToTheRuntimeButNotACoveredStoreThroughAnotherLocal() {
    assertThat(MutationFlow.needsRefresh(MutationFlow.GUARDED, 1, "Ljava/util/List;")).isFalse();
    assertThat(MutationFlow.needsRefresh(MutationFlow.GUARDED | MutationFlow.BUILDERS, 1, "Ljava/util/List;")).isTrue();
    assertThat(MutationFlow.needsRefresh(MutationFlow.GUARDED | 1L << 2, 3, "[I")).isTrue();
    assertThat(MutationFlow.needsRefresh(MutationFlow.GUARDED | 1L << 2, 2, "[I")).isFalse();
  }
}
