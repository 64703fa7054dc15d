package dev.codetracer.agent.instrument;

import dev.codetracer.agent.runtime.Definitions;
import dev.codetracer.core.jvm.RawDefinition;
import dev.codetracer.core.jvm.RawEvents;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.ParameterNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Puts the probes into one method (tree API). Entry: the call and its argument values; each line:
 * the re-snapshots of mutable objects the line may see changed, then the step; after each store
 * to a named variable: its value; before each return: the value and the exit; around the body: a
 * handler that records an exit by exception and rethrows. Probes add no branches and no locals,
 * so the method's existing stack map frames stay valid; the one frame added is the handler's.
 */
final class MethodInstrumenter {
  static final String PROBES = "dev/codetracer/agent/runtime/Probes";

  private static final Set<String> IMMUTABLE_DESCRIPTORS =
      Set.of(
          "Ljava/lang/String;", "Ljava/lang/Integer;", "Ljava/lang/Long;", "Ljava/lang/Short;",
          "Ljava/lang/Byte;", "Ljava/lang/Character;", "Ljava/lang/Boolean;", "Ljava/lang/Float;",
          "Ljava/lang/Double;", "Ljava/lang/Class;");

  private final String owner;
  private final MethodNode method;
  private final String path;
  private final boolean sourceFound;
  private final boolean values;
  private final Pattern redact;
  private final boolean frames;

  /**
   * What instrumenting produced: the definitions, and whether the method lacked the local variable
   * names it would have had with {@code -g} (a method without parameters or {@code this} has none).
   */
  record Result(List<RawDefinition> definitions, boolean lackedVariableNames) {}

  private record Variable(int slot, String name, String descriptor, int start, int end, boolean redacted) {}

  private record Site(AbstractInsnNode node, int index, int line) {}

  MethodInstrumenter(String owner, MethodNode method, String path, boolean sourceFound, boolean values, Pattern redact, int classVersion) {
    this.owner = owner;
    this.method = method;
    this.path = path;
    this.sourceFound = sourceFound;
    this.values = values;
    this.redact = redact;
    this.frames = (classVersion & 0xFFFF) >= Opcodes.V1_6;
  }

  static boolean isInstrumentable(MethodNode method) {
    if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) != 0) {
      return false;
    }
    if ((method.access & Opcodes.ACC_SYNTHETIC) != 0 && !method.name.startsWith("lambda$")) {
      return false;
    }
    return method.instructions.size() > 0;
  }

  /** Instruments the method in place; null when it has no line numbers (nothing to step through). */
  Result instrument() {
    AbstractInsnNode[] insns = method.instructions.toArray();
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    boolean constructor = method.name.equals("<init>");

    int bodyStart = 0;
    AbstractInsnNode superCall = null;
    if (constructor) {
      superCall = findSuperCall(insns);
      if (superCall == null) {
        return null;
      }
      bodyStart = method.instructions.indexOf(superCall) + 1;
    }

    List<Site> sites = lineSites(insns);
    int firstLine = firstLine(insns);
    if (firstLine < 0) {
      return null;
    }
    final int body = bodyStart;
    sites.removeIf(site -> site.index < body);

    List<Variable> variables = new ArrayList<>();
    boolean named = collectVariables(insns, isStatic, variables);
    Type[] argumentTypes = Type.getArgumentTypes(method.desc);
    int[] argumentSlots = new int[argumentTypes.length];
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < argumentTypes.length; i++) {
      argumentSlots[i] = slot;
      slot += argumentTypes[i].getSize();
    }
    int[] arguments = new int[argumentTypes.length];
    for (int i = 0; i < argumentTypes.length; i++) {
      arguments[i] = variableAtEntry(variables, argumentSlots[i]);
    }
    int thisVariable = isStatic ? -1 : variableAtEntry(variables, 0);

    Frame<BasicValue>[] analyzed = null;
    List<List<Integer>> successors = MutationFlow.emptyEdges(insns.length);
    if (values) {
      analyzed = analyze(successors);
    }
    BitSet siteIndexes = new BitSet(insns.length);
    for (Site site : sites) {
      siteIndexes.set(site.index);
    }
    int[] coveredSlot = analyzed == null ? new int[insns.length] : coveredArrayStores(insns, variables);
    if (analyzed == null) {
      java.util.Arrays.fill(coveredSlot, -1);
    }
    long[] changed = analyzed == null ? new long[insns.length] : MutationFlow.stateAt(insns, successors, siteIndexes, coveredSlot);

    Definitions definitions = Definitions.get();
    int methodId = definitions.nextMethodId();
    List<RawDefinition> made = new ArrayList<>();
    made.add(
        new RawDefinition.Method(
            methodId,
            owner.replace('/', '.'),
            method.name,
            method.desc,
            MethodNames.readable(owner, method.name),
            path,
            sourceFound,
            firstLine,
            definitionsOf(variables),
            arguments,
            thisVariable));

    // Lines: re-snapshots, then the step.
    for (Site site : sites) {
      int[] visible = visibleAt(variables, site.index);
      int probeId = definitions.nextProbeId();
      made.add(new RawDefinition.Probe(probeId, methodId, site.line, visible));
      InsnList probe = new InsnList();
      if (analyzed != null && changed[site.index] != 0 && analyzed[site.index] != null) {
        for (int index : visible) {
          Variable variable = variables.get(index);
          if (isMutableReference(variable)
              && MutationFlow.needsRefresh(changed[site.index], variable.slot)
              && analyzed[site.index].getLocal(variable.slot).isReference()) {
            probe.add(new VarInsnNode(Opcodes.ALOAD, variable.slot));
            probe.add(push(RawEvents.valueMeta(RawEvents.K_REF, variable.slot)));
            boolean constructing = constructor && variable.slot == 0 && index == thisVariable;
            probe.add(probeCall(constructing ? "refreshInit" : "refreshA", "(Ljava/lang/Object;I)V"));
          }
        }
      }
      probe.add(push(probeId));
      probe.add(probeCall("step", "(I)V"));
      method.instructions.insertBefore(site.node, probe);
    }

    // Stores to named variables.
    if (values) {
      for (int i = bodyStart; i < insns.length; i++) {
        AbstractInsnNode insn = insns[i];
        int op = insn.getOpcode();
        int stored;
        if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
          stored = ((VarInsnNode) insn).var;
        } else if (op == Opcodes.IINC) {
          stored = ((IincInsnNode) insn).var;
          op = Opcodes.ISTORE;
        } else {
          continue;
        }
        Variable variable = variableStoredAt(variables, insns, i, stored);
        if (variable == null || variable.redacted) {
          continue;
        }
        int kind = kindFor(variable.descriptor, op);
        method.instructions.insert(insn, valueProbe(op - Opcodes.ISTORE + Opcodes.ILOAD, stored, kind, stored));
      }
    }

    // Array stores through a named local: the element, so the array need not be snapshotted again.
    for (int i = bodyStart; i < insns.length; i++) {
      if (coveredSlot[i] < 0) {
        continue;
      }
      int op = insns[i].getOpcode();
      Variable array = variableStoredAt(variables, insns, i, coveredSlot[i]);
      int kind = RawEvents.kindOf(array.descriptor.substring(1));
      InsnList element = new InsnList();
      element.add(new InsnNode(Opcodes.DUP2));
      element.add(push(RawEvents.valueMeta(kind, coveredSlot[i])));
      if (op == Opcodes.AASTORE) {
        element.add(probeCall("elementA", "(ILjava/lang/Object;I)V"));
      } else if (op == Opcodes.FASTORE) {
        element.add(probeCall("elementF", "(IFI)V"));
      } else {
        element.add(probeCall("elementI", "(III)V"));
      }
      method.instructions.insertBefore(insns[i], element);
    }

    // Returns.
    Type returnType = Type.getReturnType(method.desc);
    for (int i = bodyStart; i < insns.length; i++) {
      int op = insns[i].getOpcode();
      if (op < Opcodes.IRETURN || op > Opcodes.RETURN) {
        continue;
      }
      InsnList exit = new InsnList();
      if (values && op != Opcodes.RETURN) {
        exit.add(new InsnNode(returnType.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP));
        int kind = RawEvents.kindOf(returnType.getDescriptor());
        exit.add(push(RawEvents.valueMeta(kind, RawEvents.RETURN_SLOT)));
        exit.add(probeCall(valueProbeName(kind), valueProbeDescriptor(kind)));
      }
      exit.add(push(methodId));
      exit.add(probeCall("ret", "(I)V"));
      method.instructions.insertBefore(insns[i], exit);
    }

    // Entry: the call, the arguments (and this).
    InsnList entry = new InsnList();
    entry.add(push(methodId));
    entry.add(probeCall("call", "(I)V"));
    if (values) {
      if (thisVariable >= 0 && !variables.get(thisVariable).redacted) {
        if (constructor) {
          entry.add(new VarInsnNode(Opcodes.ALOAD, 0));
          entry.add(push(RawEvents.valueMeta(RawEvents.K_REF, 0)));
          entry.add(probeCall("valueInit", "(Ljava/lang/Object;I)V"));
        } else {
          entry.add(valueProbe(Opcodes.ALOAD, 0, RawEvents.K_REF, 0));
        }
      }
      for (int i = 0; i < argumentTypes.length; i++) {
        if (arguments[i] >= 0 && variables.get(arguments[i]).redacted) {
          continue;
        }
        int kind = RawEvents.kindOf(argumentTypes[i].getDescriptor());
        if (arguments[i] >= 0) {
          kind = kindFor(variables.get(arguments[i]).descriptor, argumentTypes[i].getOpcode(Opcodes.ISTORE));
        }
        entry.add(valueProbe(argumentTypes[i].getOpcode(Opcodes.ILOAD), argumentSlots[i], kind, argumentSlots[i]));
      }
    }
    LabelNode tryStart = new LabelNode();
    entry.add(tryStart);
    if (superCall != null) {
      method.instructions.insert(superCall, entry);
    } else {
      method.instructions.insert(entry);
    }

    // Exit by exception: record it and rethrow.
    LabelNode tryEnd = new LabelNode();
    LabelNode handler = new LabelNode();
    method.instructions.add(tryEnd);
    method.instructions.add(handler);
    if (frames) {
      method.instructions.add(new FrameNode(Opcodes.F_NEW, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"}));
    }
    method.instructions.add(new InsnNode(Opcodes.DUP));
    method.instructions.add(push(methodId));
    method.instructions.add(probeCall("thrown", "(Ljava/lang/Throwable;I)V"));
    method.instructions.add(new InsnNode(Opcodes.ATHROW));
    method.tryCatchBlocks.add(new TryCatchBlockNode(tryStart, tryEnd, handler, null));

    boolean expectsNames = !isStatic || argumentTypes.length > 0;
    return new Result(made, !named && expectsNames);
  }

  /** The first instruction of each line (after its label, line number and frame). */
  private List<Site> lineSites(AbstractInsnNode[] insns) {
    Map<AbstractInsnNode, Site> sites = new LinkedHashMap<>();
    for (int i = 0; i < insns.length; i++) {
      if (insns[i] instanceof LineNumberNode line) {
        int j = i + 1;
        while (j < insns.length && insns[j].getOpcode() < 0) {
          j++;
        }
        if (j < insns.length) {
          sites.put(insns[j], new Site(insns[j], j, line.line));
        }
      }
    }
    return new ArrayList<>(sites.values());
  }

  private static int firstLine(AbstractInsnNode[] insns) {
    for (AbstractInsnNode insn : insns) {
      if (insn instanceof LineNumberNode line) {
        return line.line;
      }
    }
    return -1;
  }

  /**
   * The constructor's call to {@code super(...)} or {@code this(...)}: the first {@code
   * invokespecial <init>} not matched by an earlier {@code new}.
   */
  private static AbstractInsnNode findSuperCall(AbstractInsnNode[] insns) {
    int pendingNews = 0;
    for (AbstractInsnNode insn : insns) {
      if (insn.getOpcode() == Opcodes.NEW) {
        pendingNews++;
      } else if (insn.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>")) {
        if (pendingNews == 0) {
          return insn;
        }
        pendingNews--;
      }
    }
    return null;
  }

  /** Collects variables; returns true when they came from a LocalVariableTable. */
  private boolean collectVariables(AbstractInsnNode[] insns, boolean isStatic, List<Variable> variables) {
    if (method.localVariables != null && !method.localVariables.isEmpty()) {
      for (LocalVariableNode local : method.localVariables) {
        if (local.name == null || local.desc == null) {
          continue;
        }
        variables.add(
            new Variable(
                local.index,
                local.name,
                local.desc,
                method.instructions.indexOf(local.start),
                method.instructions.indexOf(local.end),
                !local.name.equals("this") && isRedacted(local.name)));
      }
      variables.sort((a, b) -> a.slot != b.slot ? Integer.compare(a.slot, b.slot) : Integer.compare(a.start, b.start));
      return true;
    }
    int end = insns.length;
    if (!isStatic) {
      variables.add(new Variable(0, "this", "L" + owner + ";", 0, end, false));
    }
    Type[] types = Type.getArgumentTypes(method.desc);
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < types.length; i++) {
      String name = "arg" + i;
      if (method.parameters != null && i < method.parameters.size()) {
        ParameterNode parameter = method.parameters.get(i);
        if (parameter.name != null) {
          name = parameter.name;
        }
      }
      variables.add(new Variable(slot, name, types[i].getDescriptor(), 0, end, isRedacted(name)));
      slot += types[i].getSize();
    }
    return false;
  }

  private boolean isRedacted(String name) {
    return redact != null && redact.matcher(name).find();
  }

  private static int variableAtEntry(List<Variable> variables, int slot) {
    int best = -1;
    for (int i = 0; i < variables.size(); i++) {
      Variable v = variables.get(i);
      if (v.slot == slot && (best < 0 || v.start < variables.get(best).start)) {
        best = i;
      }
    }
    return best;
  }

  private static int[] visibleAt(List<Variable> variables, int index) {
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
  private static Variable variableStoredAt(List<Variable> variables, AbstractInsnNode[] insns, int index, int slot) {
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

  private static boolean isMutableReference(Variable variable) {
    char first = variable.descriptor.charAt(0);
    return (first == 'L' || first == '[') && !variable.redacted && !IMMUTABLE_DESCRIPTORS.contains(variable.descriptor);
  }

  /** The value kind for a variable's descriptor, unless it disagrees with the store's opcode. */
  private static int kindFor(String descriptor, int storeOpcode) {
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

  /**
   * For each array store (of an int-like, float or reference element) whose array comes straight
   * from a named, unredacted local: that local's slot; else -1.
   */
  private int[] coveredArrayStores(AbstractInsnNode[] insns, List<Variable> variables) {
    int[] covered = new int[insns.length];
    java.util.Arrays.fill(covered, -1);
    boolean any = false;
    for (AbstractInsnNode insn : insns) {
      int op = insn.getOpcode();
      any |= op >= Opcodes.IASTORE && op <= Opcodes.SASTORE && op != Opcodes.LASTORE && op != Opcodes.DASTORE;
    }
    if (!any) {
      return covered;
    }
    Frame<SourceValue>[] sources;
    try {
      sources = new Analyzer<>(new SourceInterpreter()).analyze(owner, method);
    } catch (AnalyzerException | RuntimeException e) {
      return covered;
    }
    for (int i = 0; i < insns.length; i++) {
      int op = insns[i].getOpcode();
      if (op < Opcodes.IASTORE || op > Opcodes.SASTORE || op == Opcodes.LASTORE || op == Opcodes.DASTORE
          || sources[i] == null) {
        continue;
      }
      SourceValue arrayRef = sources[i].getStack(sources[i].getStackSize() - 3);
      if (arrayRef.insns.size() != 1 || arrayRef.insns.iterator().next().getOpcode() != Opcodes.ALOAD) {
        continue;
      }
      int slot = ((VarInsnNode) arrayRef.insns.iterator().next()).var;
      Variable variable = variableStoredAt(variables, insns, i, slot);
      if (variable != null && !variable.redacted && variable.descriptor.startsWith("[") && variable.descriptor.length() >= 2
          && variable.start <= i) {
        covered[i] = slot;
      }
    }
    return covered;
  }

  @SuppressWarnings("unchecked")
  private Frame<BasicValue>[] analyze(List<List<Integer>> successors) {
    Analyzer<BasicValue> analyzer =
        new Analyzer<>(new BasicInterpreter()) {
          @Override
          protected void newControlFlowEdge(int insn, int successor) {
            successors.get(insn).add(successor);
          }

          @Override
          protected boolean newControlFlowExceptionEdge(int insn, int successor) {
            successors.get(insn).add(successor);
            return true;
          }
        };
    try {
      return analyzer.analyze(owner, method);
    } catch (AnalyzerException | RuntimeException e) {
      return null;
    }
  }

  private static List<RawDefinition.Variable> definitionsOf(List<Variable> variables) {
    List<RawDefinition.Variable> out = new ArrayList<>(variables.size());
    for (Variable v : variables) {
      out.add(new RawDefinition.Variable(v.slot, v.name, v.descriptor, v.redacted));
    }
    return out;
  }

  private static InsnList valueProbe(int loadOpcode, int slot, int kind, int metaSlot) {
    InsnList list = new InsnList();
    list.add(new VarInsnNode(loadOpcode, slot));
    list.add(push(RawEvents.valueMeta(kind, metaSlot)));
    list.add(probeCall(valueProbeName(kind), valueProbeDescriptor(kind)));
    return list;
  }

  private static String valueProbeName(int kind) {
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

  private static String valueProbeDescriptor(int kind) {
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

  private static MethodInsnNode probeCall(String name, String descriptor) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, PROBES, name, descriptor, false);
  }

  private static AbstractInsnNode push(int value) {
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
}
