package dev.codetracer.agent.instrument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Which line probes follow code that may have changed the heap, and how. A variable holding a
 * mutable object keeps its snapshot until then: its snapshot is re-taken only at a line reached,
 * on some path since the previous line probe, through a call, a field store or an array store.
 * An array store recorded as an element event ("covered") changes the array that local holds,
 * which its element event already describes: it dirties every other variable (they may share the
 * array) but not that one.
 *
 * <p>The state at an instruction is a mask: {@link #DIRTY} for an uncovered mutation, else bit
 * {@code s} for a covered store through local {@code s} (locals past 62 count as uncovered).
 */
final class MutationFlow {
  static final long DIRTY = 1L << 63;

  private MutationFlow() {}

  /**
   * @param successors control-flow successors of each instruction index (exception edges too)
   * @param sites line-probe instruction indexes
   * @param coveredSlot for each instruction, the local whose array an element event describes, or -1
   * @return for each instruction index, what may have changed since the last probe
   */
  static long[] stateAt(AbstractInsnNode[] insns, List<List<Integer>> successors, BitSet sites, int[] coveredSlot) {
    long[] in = new long[insns.length];
    BitSet visited = new BitSet(insns.length);
    Deque<Integer> work = new ArrayDeque<>();
    work.add(0);
    visited.set(0);
    while (!work.isEmpty()) {
      int i = work.poll();
      long out = sites.get(i) ? 0 : in[i];
      if (coveredSlot[i] >= 0) {
        out |= coveredSlot[i] < 63 ? 1L << coveredSlot[i] : DIRTY;
      } else if (mutates(insns[i])) {
        out |= DIRTY;
      }
      for (int successor : successors.get(i)) {
        long merged = in[successor] | out;
        if (merged != in[successor] || !visited.get(successor)) {
          in[successor] = merged;
          visited.set(successor);
          work.add(successor);
        }
      }
    }
    return in;
  }

  /** True when a variable in {@code slot} must be re-snapshotted under state {@code state}. */
  static boolean needsRefresh(long state, int slot) {
    if ((state & DIRTY) != 0) {
      return true;
    }
    long others = slot < 63 ? state & ~(1L << slot) : state;
    return others != 0;
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
