package dev.codetracer.agent.instrument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Which line probes follow code that may have changed the heap, and how. A variable holding a
 * mutable object keeps its snapshot until then: its snapshot is re-taken only at a line reached,
 * on some path since the previous line probe, through a call, a field store or an array store.
 * An array store recorded as an element event ("covered") changes the array that local holds,
 * which its element event already describes: it dirties every other variable (they may share the
 * array) but not that one.
 *
 * <p>Calls that cannot change anything a variable holds do not count: methods of {@code String},
 * the boxes and {@code Math} whose arguments are all primitives or strings (they run no code of the
 * program and change nothing they are given), string concatenation of such values, the creation
 * of a lambda. A call of a {@code StringBuilder} method with such arguments changes that builder
 * only ({@link #BUILDERS}): it dirties the variables that may hold a builder, not an array of
 * strings or ints, say. When every such call only appends or reads, a builder can only have grown
 * at its end ({@link #onlyGrewBuilders}); {@link #BUILDERS_REWRITTEN} marks one that may have
 * changed otherwise ({@code insert}, {@code setCharAt}, {@code setLength}...).
 *
 * <p>A call on a JDK collection, iterator or entry that changes nothing or only its receiver
 * when the receiver is one of the JDK's own is {@link #GUARDED}: whether it was is known only at
 * run time ({@link GuardedCalls}), so the variables are then re-checked only when the line's
 * guards found that they may show a changed receiver.
 *
 * <p>The state at an instruction is a mask: {@link #DIRTY} for an uncovered mutation, {@link
 * #BUILDERS} for a builder's (with {@link #BUILDERS_REWRITTEN} unless it only appended), {@link
 * #GUARDED} for a guarded call, else bit {@code s} for a covered store through local {@code s}
 * (locals past 59 count as uncovered).
 */
final class MutationFlow {
  static final long DIRTY = 1L << 63;
  static final long BUILDERS = 1L << 62;
  static final long GUARDED = 1L << 61;
  static final long BUILDERS_REWRITTEN = 1L << 60;
  private static final int COVERED_SLOTS = 60;
  private static final long NOT_COVERED = DIRTY | BUILDERS | GUARDED | BUILDERS_REWRITTEN;

  /** Classes all of whose methods, given only primitives and strings, change nothing and run no program code. */
  private static final Set<String> PURE_OWNERS =
      Set.of(
          "java/lang/String", "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte",
          "java/lang/Character", "java/lang/Boolean", "java/lang/Double", "java/lang/Float", "java/lang/Math",
          "java/lang/StrictMath");
  private static final Set<String> BUILDER_OWNERS = Set.of("java/lang/StringBuilder", "java/lang/StringBuffer");
  /** A builder's methods that change it only by adding at its end, or not at all; the others may rewrite it. */
  private static final Set<String> BUILDER_GROWTHS_AND_READS =
      Set.of(
          "<init>", "append", "appendCodePoint", "length", "isEmpty", "charAt", "codePointAt", "codePointBefore",
          "codePointCount", "offsetByCodePoints", "capacity", "ensureCapacity", "trimToSize", "indexOf", "lastIndexOf",
          "substring", "subSequence", "getChars", "chars", "codePoints", "compareTo", "toString");
  /** Argument types that carry no program code: primitives, strings, boxes. */
  private static final Set<String> INERT_TYPES =
      Set.of(
          "Ljava/lang/String;", "Ljava/lang/Integer;", "Ljava/lang/Long;", "Ljava/lang/Short;", "Ljava/lang/Byte;",
          "Ljava/lang/Character;", "Ljava/lang/Boolean;", "Ljava/lang/Double;", "Ljava/lang/Float;");

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
        out |= coveredSlot[i] < COVERED_SLOTS ? 1L << coveredSlot[i] : DIRTY;
      } else {
        out |= mutation(insns[i]);
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

  /**
   * True when a variable in {@code slot}, of type {@code descriptor}, must be re-snapshotted under
   * state {@code state}.
   */
  static boolean needsRefresh(long state, int slot, String descriptor) {
    if ((state & DIRTY) != 0) {
      return true;
    }
    if ((state & BUILDERS) != 0 && mayHoldBuilder(descriptor)) {
      return true;
    }
    long covered = state & ~NOT_COVERED;
    long others = slot < COVERED_SLOTS ? covered & ~(1L << slot) : covered;
    return others != 0;
  }

  /**
   * True when under {@code state} a builder can only have grown at its end: then a builder a
   * variable holds need not be compared with its last snapshot, only read past it. Not after a
   * guarded call, which may turn out to run the program's code.
   */
  static boolean onlyGrewBuilders(long state) {
    return (state & BUILDERS) != 0 && (state & (DIRTY | BUILDERS_REWRITTEN | GUARDED)) == 0;
  }

  /** False for types whose values cannot hold a StringBuilder: arrays of primitives, strings or boxes. */
  static boolean mayHoldBuilder(String descriptor) {
    if (descriptor.startsWith("[")) {
      String element = descriptor.replaceFirst("^\\[+", "");
      return !(element.length() == 1 || INERT_TYPES.contains(element));
    }
    return !INERT_TYPES.contains(descriptor);
  }

  static List<List<Integer>> emptyEdges(int size) {
    List<List<Integer>> edges = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      edges.add(new ArrayList<>(2));
    }
    return edges;
  }

  /**
   * What an instruction may change: 0 (nothing), {@link #BUILDERS} (with {@link
   * #BUILDERS_REWRITTEN} unless it appends or reads), {@link #GUARDED} or {@link #DIRTY}.
   */
  static long mutation(AbstractInsnNode insn) {
    int op = insn.getOpcode();
    if (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE)) {
      return DIRTY;
    }
    if (insn instanceof MethodInsnNode call) {
      if (GuardedCalls.kindOf(call) != null) {
        return GUARDED;
      }
      if (!inertArguments(call.desc)) {
        return DIRTY;
      }
      if (isPureMethodOf(call.owner, call.name)) {
        return 0;
      }
      if (!BUILDER_OWNERS.contains(call.owner)) {
        return DIRTY;
      }
      return BUILDER_GROWTHS_AND_READS.contains(call.name) ? BUILDERS : BUILDERS | BUILDERS_REWRITTEN;
    }
    if (insn instanceof InvokeDynamicInsnNode indy) {
      String factory = indy.bsm.getOwner();
      if (factory.equals("java/lang/invoke/LambdaMetafactory")) {
        return 0;
      }
      return factory.equals("java/lang/invoke/StringConcatFactory") && inertArguments(indy.desc) ? 0 : DIRTY;
    }
    return 0;
  }

  /** A method of String, a box or Math given only primitives and strings, or Object's constructor. */
  static boolean isPureCall(String owner, String name, String descriptor) {
    return inertArguments(descriptor) && isPureMethodOf(owner, name);
  }

  /** Given only primitives and strings, a method of these changes nothing and runs no program code. */
  private static boolean isPureMethodOf(String owner, String name) {
    return PURE_OWNERS.contains(owner) || (owner.equals("java/lang/Object") && name.equals("<init>"));
  }

  /** A primitive, a string or a box. */
  static boolean isInert(Type type) {
    return (type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY) || INERT_TYPES.contains(type.getDescriptor());
  }

  /** True when every argument of a method descriptor is a primitive, a string or a box. */
  private static boolean inertArguments(String descriptor) {
    for (Type argument : Type.getArgumentTypes(descriptor)) {
      if (!isInert(argument)) {
        return false;
      }
    }
    return true;
  }
}
