package dev.codetracer.agent.instrument;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Calls of {@code Runtime.halt} in a recorded method. Halting runs no shutdown hook, so the hook
 * that ends a recording at {@code System.exit} would not run and the events still in memory would
 * be lost: just before the call, a probe is given a copy of the status and ends the recording
 * ({@code Probes.halting}). A method reference to it made in recorded code ({@code
 * Runtime.getRuntime()::halt}), whose call runs in a class the JVM generates, is pointed at a
 * probe that does the same and then halts ({@code Probes.haltThrough}). Only these get it: a halt
 * reached through code that is not recorded (the JDK's, a library's, reflection) still ends the
 * JVM as a SIGKILL would, leaving what reached the disk for {@code codetracer record} to repair.
 */
final class HaltCalls {
  static final String PROBE = "halting";
  static final String THROUGH_PROBE = "haltThrough";
  private static final String METAFACTORY = "metafactory";

  private HaltCalls() {}

  static boolean isHalt(AbstractInsnNode insn) {
    return insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKEVIRTUAL && isHalt(call.owner, call.name, call.desc);
  }

  private static boolean isHalt(String owner, String name, String descriptor) {
    return owner.equals("java/lang/Runtime") && name.equals("halt") && descriptor.equals("(I)V");
  }

  /**
   * A lambda made from a reference to {@code Runtime.halt} (not a serializable one, whose
   * reference its serialized form names).
   */
  private static boolean isHaltReference(AbstractInsnNode insn) {
    return insn instanceof InvokeDynamicInsnNode indy
        && indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") && indy.bsm.getName().equals(METAFACTORY)
        && indy.bsmArgs.length == 3 && indy.bsmArgs[1] instanceof Handle target && target.getTag() == Opcodes.H_INVOKEVIRTUAL
        && isHalt(target.getOwner(), target.getName(), target.getDesc());
  }

  /**
   * Puts the probe before each call of {@code halt} among a method's instructions (as they were
   * before any probe), and points each method reference to it at the probe that halts.
   */
  static void insert(MethodNode method, AbstractInsnNode[] insns) {
    for (AbstractInsnNode insn : insns) {
      if (isHaltReference(insn)) {
        InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
        indy.bsmArgs[1] = new Handle(Opcodes.H_INVOKESTATIC, ProbeCode.PROBES, THROUGH_PROBE, "(Ljava/lang/Runtime;I)V", false);
      } else if (isHalt(insn)) {
        // runtime, status -> runtime, status, status: the probe takes the copy
        InsnList probe = new InsnList();
        probe.add(new InsnNode(Opcodes.DUP));
        probe.add(ProbeCode.probeCall(PROBE, "(I)V"));
        method.instructions.insertBefore(insn, probe);
      }
    }
  }
}
