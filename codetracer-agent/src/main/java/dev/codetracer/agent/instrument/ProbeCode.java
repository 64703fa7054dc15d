package dev.codetracer.agent.instrument;

import dev.codetracer.core.jvm.RawEvents;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The instructions that call the probes ({@code dev.codetracer.agent.runtime.Probes}). */
final class ProbeCode {
  static final String PROBES = "dev/codetracer/agent/runtime/Probes";

  private ProbeCode() {}

  static InsnList valueProbe(int loadOpcode, int slot, int kind, int metaSlot) {
    InsnList list = new InsnList();
    list.add(new VarInsnNode(loadOpcode, slot));
    list.add(push(RawEvents.valueMeta(kind, metaSlot)));
    list.add(probeCall(valueProbeName(kind), valueProbeDescriptor(kind)));
    return list;
  }

  static String valueProbeName(int kind) {
    switch (kind) {
      case RawEvents.K_LONG:
        return "valueJ";
      case RawEvents.K_DOUBLE:
        return "valueD";
      case RawEvents.K_FLOAT:
        return "valueF";
      case RawEvents.K_REF:
        return "valueA";
      default:
        return "valueI";
    }
  }

  static String valueProbeDescriptor(int kind) {
    switch (kind) {
      case RawEvents.K_LONG:
        return "(JI)V";
      case RawEvents.K_DOUBLE:
        return "(DI)V";
      case RawEvents.K_FLOAT:
        return "(FI)V";
      case RawEvents.K_REF:
        return "(Ljava/lang/Object;I)V";
      default:
        return "(II)V";
    }
  }

  static MethodInsnNode probeCall(String name, String descriptor) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, PROBES, name, descriptor, false);
  }

  static AbstractInsnNode push(int value) {
    if (value >= -1 && value <= 5) {
      return new InsnNode(Opcodes.ICONST_0 + value);
    }
    if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
      return new IntInsnNode(Opcodes.BIPUSH, value);
    }
    if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      return new IntInsnNode(Opcodes.SIPUSH, value);
    }
    return new LdcInsnNode(value);
  }

  /** The int constant an instruction pushes, or null when it pushes none. */
  static Integer pushedInt(AbstractInsnNode node) {
    if (node == null) {
      return null;
    }
    int op = node.getOpcode();
    if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
      return op - Opcodes.ICONST_0;
    }
    if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
      return ((IntInsnNode) node).operand;
    }
    if (op == Opcodes.LDC && ((LdcInsnNode) node).cst instanceof Integer value) {
      return value;
    }
    return null;
  }
}
