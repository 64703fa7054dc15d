package dev.codetracer.agent.instrument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Which line probes follow code that may have changed the heap. A variable holding a mutable
 * object keeps its snapshot until then: its snapshot is re-taken only at a line reached, on some
 * path since the previous line probe, through a call or a field or array store.
 */
final class MutationFlow {
  private MutationFlow() {}

  /**
   * @param successors control-flow successors of each instruction index (exception edges too)
   * @param sites line-probe instruction indexes
   * @return for each instruction index, whether a mutation may have happened since the last probe
   */
  static BitSet dirtyAt(AbstractInsnNode[] insns, List<List<Integer>> successors, BitSet sites) {
    BitSet dirtyIn = new BitSet(insns.length);
    BitSet visited = new BitSet(insns.length);
    Deque<Integer> work = new ArrayDeque<>();
    work.add(0);
    visited.set(0);
    while (!work.isEmpty()) {
      int i = work.poll();
      boolean out = mutates(insns[i]) || (!sites.get(i) && dirtyIn.get(i));
      for (int successor : successors.get(i)) {
        boolean changed = false;
        if (out && !dirtyIn.get(successor)) {
          dirtyIn.set(successor);
          changed = true;
        }
        if (!visited.get(successor)) {
          visited.set(successor);
          changed = true;
        }
        if (changed) {
          work.add(successor);
        }
      }
    }
    return dirtyIn;
  }

  static List<List<Integer>> emptyEdges(int size) {
    List<List<Integer>> edges = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      edges.add(new ArrayList<>(2));
    }
    return edges;
  }

  static boolean mutates(AbstractInsnNode insn) {
    int op = insn.getOpcode();
    return (op >= Opcodes.INVOKEVIRTUAL && op <= Opcodes.INVOKEDYNAMIC)
        || op == Opcodes.PUTFIELD
        || op == Opcodes.PUTSTATIC
        || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE);
  }
}
