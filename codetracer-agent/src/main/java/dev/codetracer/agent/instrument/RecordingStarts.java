package dev.codetracer.agent.instrument;

import dev.codetracer.core.jvm.RawEvents;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Calls of {@code CodeTracer.start} in a recorded method. A recording that starts there starts
 * inside the method, whose call came before it: right after the call, a probe logs the method's
 * call when the recording of this thread started there (start returned true), and value probes
 * then log the variables in scope, assigned before the recording too. {@link LineRuns} ends a run
 * at that probe, so that the next line logs a step of its own.
 */
final class RecordingStarts {
  static final String PROBE = "recordingStarted";
  private static final String API = "dev/codetracer/agent/api/CodeTracer";

  private RecordingStarts() {}

  /**
   * @param analyzed the frames of the method as it was, or null (no values, or no analysis): then
   *     only the call is logged
   * @param constructingThis the variable of {@code this} in a constructor, else -1
   */
  static void insert(MethodNode method, AbstractInsnNode[] insns, int from, int methodId, List<MethodVariables.Variable> variables,
      Frame<BasicValue>[] analyzed, int constructingThis) {
    for (int i = from; i < insns.length - 1; i++) {
      if (!(insns[i] instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals(API)
          && call.name.equals("start") && call.desc.endsWith(")Z"))) {
        continue;
      }
      InsnList probes = new InsnList();
      probes.add(new InsnNode(Opcodes.DUP));
      probes.add(ProbeCode.push(methodId));
      probes.add(ProbeCode.probeCall(PROBE, "(ZI)V"));
      Frame<BasicValue> after = analyzed == null ? null : analyzed[i + 1];
      if (after != null) {
        for (int index : MethodVariables.visibleAt(variables, i + 1)) {
          MethodVariables.Variable variable = variables.get(index);
          if (!variable.redacted() && holds(after.getLocal(variable.slot()), variable.descriptor())) {
            probes.add(valueProbe(variable, index == constructingThis));
          }
        }
      }
      method.instructions.insert(call, probes);
    }
  }

  private static InsnList valueProbe(MethodVariables.Variable variable, boolean constructingThis) {
    if (constructingThis) {
      InsnList probe = new InsnList();
      probe.add(new VarInsnNode(Opcodes.ALOAD, variable.slot()));
      probe.add(ProbeCode.push(RawEvents.valueMeta(RawEvents.K_REF, variable.slot())));
      probe.add(ProbeCode.probeCall("valueInit", "(Ljava/lang/Object;I)V"));
      return probe;
    }
    Type type = Type.getType(variable.descriptor());
    return ProbeCode.valueProbe(type.getOpcode(Opcodes.ILOAD), variable.slot(), RawEvents.kindOf(variable.descriptor()), variable.slot());
  }

  /** Whether the local holds a value of the variable's type there (its scope may be wider than its assignments). */
  private static boolean holds(BasicValue value, String descriptor) {
    switch (Type.getType(descriptor).getSort()) {
      case Type.BOOLEAN:
      case Type.CHAR:
      case Type.BYTE:
      case Type.SHORT:
      case Type.INT:
        return BasicValue.INT_VALUE.equals(value);
      case Type.FLOAT:
        return BasicValue.FLOAT_VALUE.equals(value);
      case Type.LONG:
        return BasicValue.LONG_VALUE.equals(value);
      case Type.DOUBLE:
        return BasicValue.DOUBLE_VALUE.equals(value);
      default:
        return value != null && value.isReference();
    }
  }
}
