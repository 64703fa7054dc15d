package dev.codetracer.agent.instrument;

import dev.codetracer.core.jvm.RawDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Steps and calls only: a loop whose body runs straight through (its only jumps leave it) and can
 * run no other code of the program (no calls but to String, the boxes and Math; no class
 * initialisation) counts its step probes in a local instead of logging each one, and logs the
 * count in one event when it is left. Each pass through such a loop visits the same probes in the
 * same order, so the count says which steps ran: the loop's probes in turn ({@link
 * RawDefinition.Loop}), the last pass cut short where an exit or an exception left it. The hot
 * path of a tight loop is then an addition in a register, with no store and no branch of the
 * recorder's.
 *
 * <p>Two locals past the method's own hold the loop being counted (-1: none) and the count; they
 * are set at the method's start, so every stack map frame can name them. The count is logged
 * ({@code Probes.loop}) right after a conditional back jump falls through, first thing at every
 * label a jump leaves the loop for, and first thing in every exception handler of the method;
 * where no loop is pending that call does nothing.
 */
final class CountedLoops {
  private final String owner;
  private final MethodNode method;
  private final int methodId;
  private final boolean frames;

  CountedLoops(String owner, MethodNode method, int methodId, boolean frames) {
    this.owner = owner;
    this.method = method;
    this.methodId = methodId;
    this.frames = frames;
  }

  /** A loop found countable: from its head (the back jump's target) to its back jump. */
  private record Loop(LabelNode head, JumpInsnNode back, List<MethodInsnNode> probes, List<LabelNode> exits) {}

  /**
   * Counts the loops that can be counted; the method's step probes must have their ids.
   *
   * @return the loops' definitions
   */
  List<RawDefinition.Loop> apply(IntSupplier loopIds) {
    Map<LabelNode, Integer> targeted = jumpTargets();
    Set<LabelNode> handlers = new HashSet<>();
    for (TryCatchBlockNode block : method.tryCatchBlocks) {
      handlers.add(block.handler);
    }
    List<Loop> loops = new ArrayList<>();
    for (AbstractInsnNode node = method.instructions.getFirst(); node != null; node = node.getNext()) {
      if (node instanceof JumpInsnNode jump && node.getOpcode() != Opcodes.JSR) {
        Loop loop = countable(jump, targeted, handlers);
        if (loop != null) {
          loops.add(loop);
        }
      }
    }
    if (loops.isEmpty()) {
      return List.of();
    }
    int loopSlot = firstFreeSlot(method);
    int countSlot = loopSlot + 1;
    if (frames) {
      for (AbstractInsnNode node : method.instructions) {
        if (node instanceof FrameNode frame) {
          addLocals(frame, loopSlot);
        }
      }
    }
    InsnList start = new InsnList();
    start.add(new InsnNode(Opcodes.ICONST_M1));
    start.add(new VarInsnNode(Opcodes.ISTORE, loopSlot));
    start.add(new InsnNode(Opcodes.LCONST_0));
    start.add(new VarInsnNode(Opcodes.LSTORE, countSlot));
    method.instructions.insert(start);

    List<RawDefinition.Loop> definitions = new ArrayList<>();
    Set<LabelNode> flushed = new HashSet<>();
    for (Loop loop : loops) {
      int[] cycle = new int[loop.probes.size()];
      for (int i = 0; i < cycle.length; i++) {
        MethodInsnNode probe = loop.probes.get(i);
        cycle[i] = ProbeCode.pushedInt(probe.getPrevious());
        method.instructions.remove(probe.getPrevious());
        method.instructions.insertBefore(probe, countOne(countSlot));
        method.instructions.remove(probe);
      }
      int id = loopIds.getAsInt();
      definitions.add(new RawDefinition.Loop(id, methodId, cycle));
      InsnList entry = new InsnList();
      entry.add(ProbeCode.push(id));
      entry.add(new VarInsnNode(Opcodes.ISTORE, loopSlot));
      entry.add(new InsnNode(Opcodes.LCONST_0));
      entry.add(new VarInsnNode(Opcodes.LSTORE, countSlot));
      method.instructions.insertBefore(loop.head, entry);
      if (loop.back.getOpcode() != Opcodes.GOTO) {
        method.instructions.insert(loop.back, logCount(loopSlot, countSlot));
      }
      for (LabelNode exit : loop.exits) {
        if (flushed.add(exit)) {
          method.instructions.insert(lastBeforeCode(exit), logCount(loopSlot, countSlot));
        }
      }
    }
    for (LabelNode handler : handlers) {
      if (flushed.add(handler)) {
        method.instructions.insert(lastBeforeCode(handler), logCount(loopSlot, countSlot));
      }
    }
    return definitions;
  }

  /** The loop a back jump closes, when it can be counted; else null. */
  private Loop countable(JumpInsnNode back, Map<LabelNode, Integer> targeted, Set<LabelNode> handlers) {
    LabelNode head = back.label;
    // indexOf is a look-up while the list is unchanged (it is, until every loop is found)
    InsnList code = method.instructions;
    if (targeted.getOrDefault(head, 0) != 1 || handlers.contains(head) || code.indexOf(head) > code.indexOf(back)) {
      return null;
    }
    Set<AbstractInsnNode> body = new HashSet<>();
    for (AbstractInsnNode node = head; node != back; node = node.getNext()) {
      body.add(node);
    }
    body.add(back);
    if (!triesCoverAllOrNothing(head, back, body)) {
      return null;
    }
    List<MethodInsnNode> probes = new ArrayList<>();
    List<LabelNode> exits = new ArrayList<>();
    for (AbstractInsnNode node = head.getNext(); node != back; node = node.getNext()) {
      if (node instanceof LabelNode label) {
        if (targeted.containsKey(label) || handlers.contains(label)) {
          return null;
        }
      } else if (node instanceof JumpInsnNode jump) {
        if (jump.getOpcode() == Opcodes.JSR || body.contains(jump.label)) {
          return null;
        }
        exits.add(jump.label);
      } else if (node instanceof MethodInsnNode call && isStepProbe(call)) {
        probes.add(call);
      } else if (node.getOpcode() >= 0 && !runsNothingElse(node)) {
        return null;
      }
    }
    if (probes.isEmpty()) {
      return null;
    }
    return new Loop(head, back, probes, exits);
  }

  private static boolean isStepProbe(MethodInsnNode call) {
    return call.owner.equals(ProbeCode.PROBES) && call.name.equals("step") && ProbeCode.pushedInt(call.getPrevious()) != null;
  }

  /**
   * Whether an instruction only computes: it initialises no class and calls nothing but a method
   * of String, a box or Math given only primitives and strings ({@link MutationFlow#isPureCall}),
   * so no code of the program (and no probe) can run before the loop's next instruction. It may
   * throw.
   */
  private boolean runsNothingElse(AbstractInsnNode node) {
    int op = node.getOpcode();
    if (node instanceof MethodInsnNode call) {
      return !call.name.equals("<init>") && MutationFlow.isPureCall(call.owner, call.name, call.desc);
    }
    if (op == Opcodes.LDC) {
      Object constant = ((LdcInsnNode) node).cst;
      return constant instanceof Number || constant instanceof String;
    }
    if (op >= Opcodes.GETSTATIC && op <= Opcodes.PUTFIELD) {
      return ((FieldInsnNode) node).owner.equals(owner);
    }
    return op <= Opcodes.SIPUSH // constants
        || (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD)
        || (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD)
        || (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE)
        || (op >= Opcodes.IASTORE && op <= Opcodes.DCMPG) // array stores, stack, arithmetic, iinc, conversions, comparisons
        || op == Opcodes.ARRAYLENGTH
        || op == Opcodes.NEWARRAY;
  }

  /** Each try block covers all of the loop or none of it (a handler's flush must not see half a loop). */
  private boolean triesCoverAllOrNothing(LabelNode head, JumpInsnNode back, Set<AbstractInsnNode> body) {
    for (TryCatchBlockNode block : method.tryCatchBlocks) {
      boolean startsInside = block.start != head && body.contains(block.start);
      boolean endsInside = body.contains(block.end) && block.end != head;
      if (startsInside || endsInside) {
        return false;
      }
    }
    return true;
  }

  /** How many times each label is the target of a jump or switch. */
  private Map<LabelNode, Integer> jumpTargets() {
    Map<LabelNode, Integer> targets = new IdentityHashMap<>();
    for (AbstractInsnNode node : method.instructions) {
      if (node instanceof JumpInsnNode jump) {
        targets.merge(jump.label, 1, Integer::sum);
      } else if (node instanceof TableSwitchInsnNode table) {
        targets.merge(table.dflt, 1, Integer::sum);
        table.labels.forEach(label -> targets.merge(label, 1, Integer::sum));
      } else if (node instanceof LookupSwitchInsnNode lookup) {
        targets.merge(lookup.dflt, 1, Integer::sum);
        lookup.labels.forEach(label -> targets.merge(label, 1, Integer::sum));
      }
    }
    return targets;
  }

  /** The first local slot past every one the method uses. */
  static int firstFreeSlot(MethodNode method) {
    int slots = method.maxLocals;
    for (AbstractInsnNode node : method.instructions) {
      if (node instanceof VarInsnNode variable) {
        int op = variable.getOpcode();
        boolean wide = op == Opcodes.LLOAD || op == Opcodes.DLOAD || op == Opcodes.LSTORE || op == Opcodes.DSTORE;
        slots = Math.max(slots, variable.var + (wide ? 2 : 1));
      } else if (node instanceof IincInsnNode increment) {
        slots = Math.max(slots, increment.var + 1);
      }
    }
    return slots;
  }

  /** Names the two locals in a frame (an expanded one: a long is one entry for two slots). */
  private static void addLocals(FrameNode frame, int loopSlot) {
    if (frame.local == null) {
      frame.local = new ArrayList<>();
    }
    int slots = 0;
    for (Object type : frame.local) {
      slots += type == Opcodes.LONG || type == Opcodes.DOUBLE ? 2 : 1;
    }
    while (slots < loopSlot) {
      frame.local.add(Opcodes.TOP);
      slots++;
    }
    frame.local.add(Opcodes.INTEGER);
    frame.local.add(Opcodes.LONG);
  }

  /** Where code that must run first at a label goes: after the label's line number and frame. */
  private static AbstractInsnNode lastBeforeCode(LabelNode label) {
    AbstractInsnNode last = label;
    while (last.getNext() != null && last.getNext().getOpcode() < 0 && !(last.getNext() instanceof LabelNode)) {
      last = last.getNext();
    }
    return last;
  }

  private static InsnList countOne(int countSlot) {
    InsnList count = new InsnList();
    count.add(new VarInsnNode(Opcodes.LLOAD, countSlot));
    count.add(new InsnNode(Opcodes.LCONST_1));
    count.add(new InsnNode(Opcodes.LADD));
    count.add(new VarInsnNode(Opcodes.LSTORE, countSlot));
    return count;
  }

  /** Logs the pending loop's steps, if one is pending, and marks none pending. */
  private static InsnList logCount(int loopSlot, int countSlot) {
    InsnList log = new InsnList();
    log.add(new VarInsnNode(Opcodes.ILOAD, loopSlot));
    log.add(new VarInsnNode(Opcodes.LLOAD, countSlot));
    log.add(ProbeCode.probeCall("loop", "(IJ)V"));
    log.add(new InsnNode(Opcodes.ICONST_M1));
    log.add(new VarInsnNode(Opcodes.ISTORE, loopSlot));
    return log;
  }
}
