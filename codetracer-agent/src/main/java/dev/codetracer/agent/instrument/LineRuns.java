package dev.codetracer.agent.instrument;

import dev.codetracer.core.jvm.RawDefinition;
import dev.codetracer.core.jvm.RawEvents;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
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
 * Groups a method's line probes into runs: the lines of a basic block that follow one another
 * share the probe of the first, so a straight stretch of code logs one step event, not one per
 * line. The expander derives the other lines' steps from the run's items (the values the run logs
 * after its probe, in order, and where each following line starts), taking a line's step once the
 * values before it have arrived ({@link RawDefinition.Probe}).
 *
 * <p>That is exact as long as a line is only continued in the same run when nothing that can
 * throw comes after its last value (or, for a line without values, nowhere in it): then a run cut
 * short by an exception has shown exactly the lines it reached. Each exception handler of the
 * method gets a marker probe at its entry, so that the values its code logs are never taken for
 * the items of the run the exception left.
 */
final class LineRuns {
  /** A line probe as the instrumenter inserted it: the call of {@code Probes.step}, without its id yet. */
  record LineProbe(MethodInsnNode call, int line, int[] visible) {}

  private static final Set<String> VALUE_PROBES =
      Set.of(
          "valueI", "valueF", "valueJ", "valueD", "valueA", "valueInit", "refreshA", "refreshGrown", "refreshIfChanged",
          "refreshInit", "redacted");
  private static final Set<String> ELEMENT_PROBES = Set.of("elementI", "elementF", "elementA");

  private final String owner;
  private final MethodNode method;
  private final int methodId;
  private final boolean thisIsFixed;
  private final boolean merge;

  /** @param merge false: a probe per line, as before runs (a check on the runs, and a way out) */
  LineRuns(String owner, MethodNode method, int methodId, boolean merge) {
    this.owner = owner;
    this.method = method;
    this.methodId = methodId;
    this.merge = merge;
    this.thisIsFixed = (method.access & Opcodes.ACC_STATIC) == 0 && !storesSlotZero(method);
  }

  private static final class Run {
    final LineProbe head;
    final List<RawDefinition.RunLine> following = new ArrayList<>();
    final List<Integer> items = new ArrayList<>();

    Run(LineProbe head) {
      this.head = head;
    }
  }

  /**
   * Groups the line probes (in code order), gives each run's probe its id and removes the probes
   * of the lines a run took over; adds the handler markers when a run has items.
   *
   * @param ids the source of probe ids
   * @return the probe definitions
   */
  List<RawDefinition.Probe> group(List<LineProbe> probes, java.util.function.IntSupplier ids) {
    // the probes come in code order: the next one to meet is enough (no identity map of nodes)
    int nextProbe = 0;
    Set<LabelNode> targets = targets();
    List<Run> runs = new ArrayList<>();
    Run current = null;
    // something that can throw came after the current line's last value (or its start)
    boolean mayThrow = false;
    for (AbstractInsnNode node = method.instructions.getFirst(); node != null; node = node.getNext()) {
      LineProbe probe = nextProbe < probes.size() && probes.get(nextProbe).call() == node ? probes.get(nextProbe++) : null;
      if (probe != null) {
        if (current != null && !mayThrow && merge) {
          current.items.add(-1 - current.following.size());
          current.following.add(new RawDefinition.RunLine(probe.line(), probe.visible()));
        } else {
          current = new Run(probe);
          runs.add(current);
        }
        mayThrow = false;
      } else if (node instanceof LabelNode label) {
        if (targets.contains(label)) {
          current = null;
        }
      } else if (node.getOpcode() < 0) {
        continue;
      } else if (node instanceof MethodInsnNode call && call.owner.equals(ProbeCode.PROBES)) {
        if (call.name.equals(RecordingStarts.PROBE)) {
          // a recording may start here: the lines after it cannot be derived from a probe before it
          current = null;
          continue;
        }
        int slot = valueSlot(call);
        if (slot >= 0 && current != null) {
          current.items.add(slot);
          mayThrow = false;
        }
      } else if (endsBlock(node)) {
        current = null;
      } else if (canThrow(node)) {
        mayThrow = true;
      }
    }

    if (nextProbe != probes.size()) {
      throw new IllegalStateException("line probes not in code order");
    }
    List<RawDefinition.Probe> definitions = new ArrayList<>();
    boolean anyItems = false;
    for (Run run : runs) {
      int id = ids.getAsInt();
      method.instructions.insertBefore(run.head.call(), ProbeCode.push(id));
      int[] items = run.items.stream().mapToInt(Integer::intValue).toArray();
      anyItems |= items.length > 0;
      definitions.add(new RawDefinition.Probe(id, methodId, run.head.line(), run.head.visible(), List.copyOf(run.following), items));
    }
    Set<AbstractInsnNode> heads = new HashSet<>();
    for (Run run : runs) {
      heads.add(run.head.call());
    }
    for (LineProbe probe : probes) {
      if (!heads.contains(probe.call())) {
        method.instructions.remove(probe.call());
      }
    }
    if (anyItems) {
      markHandlers(ids, definitions);
    }
    return definitions;
  }

  /** A marker probe first thing in each exception handler (before its line's re-snapshots). */
  private void markHandlers(java.util.function.IntSupplier ids, List<RawDefinition.Probe> definitions) {
    Set<LabelNode> handlers = new HashSet<>();
    for (TryCatchBlockNode block : method.tryCatchBlocks) {
      handlers.add(block.handler);
    }
    for (LabelNode handler : handlers) {
      AbstractInsnNode first = handler;
      while (first != null && first.getOpcode() < 0) {
        first = first.getNext();
      }
      if (first == null || isOwnExitHandler(first)) {
        continue;
      }
      int id = ids.getAsInt();
      InsnList marker = new InsnList();
      marker.add(ProbeCode.push(id));
      marker.add(ProbeCode.probeCall("step", "(I)V"));
      method.instructions.insertBefore(first, marker);
      definitions.add(RawDefinition.Probe.handlerEntry(id, methodId));
    }
  }

  /** The handler the instrumenter adds around the body ({@code DUP, id, Probes.thrown}). */
  private static boolean isOwnExitHandler(AbstractInsnNode first) {
    AbstractInsnNode call = first.getNext() == null ? null : first.getNext().getNext();
    return first.getOpcode() == Opcodes.DUP && call instanceof MethodInsnNode m
        && m.owner.equals(ProbeCode.PROBES) && m.name.equals("thrown");
  }

  /** The slot of the value event a probe call logs, or -1 when it logs none within a run. */
  private static int valueSlot(MethodInsnNode call) {
    if (ELEMENT_PROBES.contains(call.name)) {
      return RawEvents.ELEMENT_SLOT;
    }
    if (!VALUE_PROBES.contains(call.name)) {
      return -1;
    }
    Integer meta = ProbeCode.pushedInt(call.getPrevious());
    if (meta == null) {
      throw new IllegalStateException("a value probe without its meta constant");
    }
    return meta & 0xFFFF;
  }

  /** Labels control can reach other than by falling through: jump and switch targets, handlers. */
  private Set<LabelNode> targets() {
    Set<LabelNode> targets = new HashSet<>();
    for (AbstractInsnNode node = method.instructions.getFirst(); node != null; node = node.getNext()) {
      if (node instanceof JumpInsnNode jump) {
        targets.add(jump.label);
      } else if (node instanceof TableSwitchInsnNode table) {
        targets.add(table.dflt);
        targets.addAll(table.labels);
      } else if (node instanceof LookupSwitchInsnNode lookup) {
        targets.add(lookup.dflt);
        targets.addAll(lookup.labels);
      }
    }
    for (TryCatchBlockNode block : method.tryCatchBlocks) {
      targets.add(block.handler);
    }
    return targets;
  }

  private static boolean endsBlock(AbstractInsnNode node) {
    int op = node.getOpcode();
    return node instanceof JumpInsnNode
        || node instanceof TableSwitchInsnNode
        || node instanceof LookupSwitchInsnNode
        || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)
        || op == Opcodes.ATHROW
        || op == Opcodes.RET;
  }

  /**
   * Whether an instruction can throw (or run other code: class initialisation, a call): then a
   * line that ends with it cannot be continued in the same run. Asynchronous errors aside.
   */
  boolean canThrow(AbstractInsnNode node) {
    int op = node.getOpcode();
    switch (op) {
      case Opcodes.IDIV:
      case Opcodes.IREM:
      case Opcodes.LDIV:
      case Opcodes.LREM:
        return !isNonZeroConstant(node.getPrevious());
      case Opcodes.GETFIELD:
        return !(thisIsFixed && node.getPrevious() instanceof VarInsnNode load
            && load.getOpcode() == Opcodes.ALOAD && load.var == 0);
      case Opcodes.GETSTATIC:
      case Opcodes.PUTSTATIC:
        // a static of this class: initialised before any of its code runs
        return !((FieldInsnNode) node).owner.equals(owner);
      case Opcodes.LDC: {
        Object constant = ((LdcInsnNode) node).cst;
        return constant instanceof Type || !(constant instanceof Number || constant instanceof String);
      }
      case Opcodes.PUTFIELD:
      case Opcodes.IALOAD:
      case Opcodes.LALOAD:
      case Opcodes.FALOAD:
      case Opcodes.DALOAD:
      case Opcodes.AALOAD:
      case Opcodes.BALOAD:
      case Opcodes.CALOAD:
      case Opcodes.SALOAD:
      case Opcodes.IASTORE:
      case Opcodes.LASTORE:
      case Opcodes.FASTORE:
      case Opcodes.DASTORE:
      case Opcodes.AASTORE:
      case Opcodes.BASTORE:
      case Opcodes.CASTORE:
      case Opcodes.SASTORE:
      case Opcodes.ARRAYLENGTH:
      case Opcodes.NEW:
      case Opcodes.NEWARRAY:
      case Opcodes.ANEWARRAY:
      case Opcodes.MULTIANEWARRAY:
      case Opcodes.CHECKCAST:
      case Opcodes.ATHROW:
      case Opcodes.MONITORENTER:
      case Opcodes.MONITOREXIT:
      case Opcodes.INVOKEVIRTUAL:
      case Opcodes.INVOKESPECIAL:
      case Opcodes.INVOKESTATIC:
      case Opcodes.INVOKEINTERFACE:
      case Opcodes.INVOKEDYNAMIC:
        return true;
      default:
        return false;
    }
  }

  private static boolean isNonZeroConstant(AbstractInsnNode node) {
    if (node == null) {
      return false;
    }
    int op = node.getOpcode();
    if ((op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5 && op != Opcodes.ICONST_0) || op == Opcodes.LCONST_1) {
      return true;
    }
    if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
      return ((IntInsnNode) node).operand != 0;
    }
    return op == Opcodes.LDC && ((LdcInsnNode) node).cst instanceof Number n
        && (n instanceof Integer || n instanceof Long) && n.longValue() != 0;
  }

  private static boolean storesSlotZero(MethodNode method) {
    for (AbstractInsnNode node = method.instructions.getFirst(); node != null; node = node.getNext()) {
      if (node.getOpcode() == Opcodes.ASTORE && ((VarInsnNode) node).var == 0) {
        return true;
      }
    }
    return false;
  }
}
