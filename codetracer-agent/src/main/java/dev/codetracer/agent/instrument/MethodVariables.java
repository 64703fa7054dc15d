package dev.codetracer.agent.instrument;

import dev.codetracer.core.jvm.RawDefinition;
import dev.codetracer.core.jvm.RawEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * A method's named local variables, as its LocalVariableTable describes them (instruction index
 * ranges), and the questions the instrumenter asks of them: which are in scope at a line, which
 * one a store assigns, which hold objects that may change.
 */
final class MethodVariables {
  private static final Set<String> IMMUTABLE_DESCRIPTORS =
      Set.of(
          "Ljava/lang/String;", "Ljava/lang/Integer;", "Ljava/lang/Long;", "Ljava/lang/Short;",
          "Ljava/lang/Byte;", "Ljava/lang/Character;", "Ljava/lang/Boolean;", "Ljava/lang/Float;",
          "Ljava/lang/Double;", "Ljava/lang/Class;");

  /** A local variable: its slot, name, descriptor and scope (instruction indexes, end excluded). */
  record Variable(int slot, String name, String descriptor, int start, int end, boolean redacted) {}

  private MethodVariables() {}

  static int variableAtEntry(List<Variable> variables, int slot) {
    int best = -1;
    for (int i = 0; i < variables.size(); i++) {
      Variable v = variables.get(i);
      if (v.slot == slot && (best < 0 || v.start < variables.get(best).start)) {
        best = i;
      }
    }
    return best;
  }

  static int[] visibleAt(List<Variable> variables, int index) {
    List<Integer> visible = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable v = variables.get(i);
      if (v.start <= index && index < v.end) {
        visible.add(i);
      }
    }
    return visible.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The named variable a store at {@code index} assigns: in scope there, or from right after it. */
  static Variable variableStoredAt(List<Variable> variables, AbstractInsnNode[] insns, int index, int slot) {
    int next = index + 1;
    while (next < insns.length && insns[next].getOpcode() < 0) {
      next++;
    }
    Variable best = null;
    for (Variable v : variables) {
      if (v.slot == slot && v.start <= next && v.end > index && (best == null || v.start > best.start)) {
        best = v;
      }
    }
    return best;
  }

  static boolean isMutableReference(Variable variable) {
    char first = variable.descriptor.charAt(0);
    return (first == 'L' || first == '[') && !variable.redacted && !IMMUTABLE_DESCRIPTORS.contains(variable.descriptor);
  }

  /** The value kind for a variable's descriptor, unless it disagrees with the store's opcode. */
  static int kindFor(String descriptor, int storeOpcode) {
    int kind = RawEvents.kindOf(descriptor);
    int opcodeKind;
    switch (storeOpcode) {
      case Opcodes.ISTORE:
        opcodeKind = RawEvents.K_INT;
        break;
      case Opcodes.LSTORE:
        opcodeKind = RawEvents.K_LONG;
        break;
      case Opcodes.FSTORE:
        opcodeKind = RawEvents.K_FLOAT;
        break;
      case Opcodes.DSTORE:
        opcodeKind = RawEvents.K_DOUBLE;
        break;
      default:
        opcodeKind = RawEvents.K_REF;
    }
    boolean intLike = kind == RawEvents.K_INT || kind == RawEvents.K_BOOLEAN || kind == RawEvents.K_CHAR
        || kind == RawEvents.K_SHORT || kind == RawEvents.K_BYTE;
    if (opcodeKind == RawEvents.K_INT ? intLike : kind == opcodeKind) {
      return kind;
    }
    return opcodeKind;
  }

  static List<RawDefinition.Variable> definitionsOf(List<Variable> variables) {
    List<RawDefinition.Variable> out = new ArrayList<>(variables.size());
    for (Variable v : variables) {
      out.add(new RawDefinition.Variable(v.slot, v.name, v.descriptor, v.redacted));
    }
    return out;
  }
}
