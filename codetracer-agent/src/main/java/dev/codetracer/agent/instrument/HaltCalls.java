package dev.codetracer.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Calls of {@code Runtime.halt} in a recorded method. Halting runs no shutdown hook, so the hook
 * that ends a recording at {@code System.exit} would not run and the events still in memory would
 * be lost: just before the call, a probe is given a copy of the status and ends the recording
 * ({@code Probes.halting}). Only the call sites in recorded code get it: a halt reached through
 * code that is not recorded (the JDK's, a library's, reflection) still ends the JVM as a SIGKILL
 * would, leaving what reached the disk for {@code codetracer record} to repair.
 */
final class HaltCalls {
  static final String PROBE = "halting";

  private HaltCalls() {}

  static boolean isHalt(AbstractInsnNode insn) {
    return insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKEVIRTUAL && call.owner.equals("java/lang/Runtime")
        && call.name.equals("halt") && call.desc.equals("(I)V");
  }

  /** Puts the probe before each call of {@code halt} among a method's instructions (as they were before any probe). */
  static void insert(MethodNode method, AbstractInsnNode[] insns) {
    for (AbstractInsnNode insn : insns) {
      if (isHalt(insn)) {
        // runtime, status -> runtime, status, status: the probe takes the copy
        InsnList probe = new InsnList();
        probe.add(new InsnNode(Opcodes.DUP));
        probe.add(ProbeCode.probeCall(PROBE, "(I)V"));
        method.instructions.insertBefore(insn, probe);
      }
    }
  }
}
