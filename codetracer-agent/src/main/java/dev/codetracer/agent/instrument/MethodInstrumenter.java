package dev.codetracer.agent.instrument;

import dev.codetracer.agent.runtime.Definitions;
import dev.codetracer.core.jvm.RawDefinition;
import dev.codetracer.core.jvm.RawEvents;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
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
 * to a named variable: its value; before each return: the value and the exit; before a call on a
 * JDK collection: its guard ({@link GuardedCalls}); before a call of {@code Runtime.halt}: the
 * probe that ends the recording ({@link HaltCalls}); around the body: a handler that records an
 * exit by exception and rethrows ({@link ExitHandlerGuard}). Probes add no branches, so the
 * method's existing stack map frames stay valid (the two locals a guard may add live only between
 * two adjacent instructions); the frames added are the handler's. Without values, loops that call
 * nothing count their steps instead ({@link CountedLoops}), which names two locals in every frame.
 */
final class MethodInstrumenter {

  private final String owner;
  private final MethodNode method;
  private final String path;
  private final boolean sourceFound;
  private final boolean values;
  private final Pattern redact;
  private final boolean frames;
  private final boolean runs;
  private final boolean countLoops;
  /** The class has no line numbers: only the calls, their arguments and returns are recorded. */
  private final boolean callsOnly;

  // What instrument() finds out about the method, for its phases.
  private AbstractInsnNode[] insns;
  private final List<MethodVariables.Variable> variables = new ArrayList<>();
  private boolean constructor;
  /** The method's class is a record: its constructors say when one is under way (see {@code Probes.recordConstructing}). */
  private final boolean ofRecord;
  /**
   * The first instruction after a constructor's {@code super(...)} or {@code this(...)} (0
   * elsewhere): before it, {@code this} is not yet an object, and only it cannot be read.
   */
  private int bodyStart;
  private int thisVariable;
  private int methodId;

  /**
   * What instrumenting produced: the definitions, and whether the method lacked the local variable
   * names it would have had with {@code -g} (a method without parameters or {@code this} has none).
   */
  record Result(List<RawDefinition> definitions, boolean lackedVariableNames) {}

  private record Site(AbstractInsnNode node, int index, int line) {}

  MethodInstrumenter(String owner, boolean ofRecord, MethodNode method, String path, boolean sourceFound, boolean values, Pattern redact,
      int classVersion, boolean runs, boolean countLoops, boolean callsOnly) {
    this.ofRecord = ofRecord;
    this.runs = runs;
    this.countLoops = countLoops && !callsOnly;
    this.callsOnly = callsOnly;
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

  /**
   * Instruments the method in place; null when it has no line numbers but its class has (code the
   * compiler made: nothing to step through). Call once: each phase below inserts one kind of probe
   * (kept apart also so that the JIT compiles small loops, not this whole method, when a class
   * loader instruments many classes).
   */
  Result instrument() {
    insns = method.instructions.toArray();
    Map<AbstractInsnNode, List<LabelNode>> labelsOfNews = UninitializedTypes.labelsOfNews(insns);
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    constructor = method.name.equals("<init>");

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
      if (!callsOnly) {
        return null; // code the compiler made (the class has lines elsewhere): nothing to step through
      }
      firstLine = 1; // a call needs a step in the format, and there is no line to give
    }

    boolean named = collectVariables(insns, isStatic, variables);
    Type[] argumentTypes = Type.getArgumentTypes(method.desc);
    int[] argumentSlots = argumentSlots(argumentTypes, isStatic);
    int[] arguments = new int[argumentTypes.length];
    for (int i = 0; i < argumentTypes.length; i++) {
      arguments[i] = MethodVariables.variableAtEntry(variables, argumentSlots[i]);
    }
    thisVariable = isStatic ? -1 : MethodVariables.variableAtEntry(variables, 0);

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
    methodId = definitions.nextMethodId();
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
            MethodVariables.definitionsOf(variables),
            arguments,
            thisVariable));

    List<GuardedCalls.Site> guardedCalls = analyzed == null ? List.of() : GuardedCalls.sites(insns);
    List<LineRuns.LineProbe> lineProbes = insertLineProbes(sites, analyzed, changed);
    RecordingStarts.insert(method, insns, bodyStart, methodId, variables, analyzed, constructor ? thisVariable : -1);
    // after the line probes: a guard must come after the probe of the line its call is in
    GuardedCalls.insert(method, guardedCalls);
    // likewise the halt probe, so the halt's line is logged before the recording ends; a halt
    // reached from code not recorded (JDK, libraries) gets none and ends it as a SIGKILL would
    HaltCalls.insert(method, insns);
    if (values && !callsOnly) {
      // a value belongs to the last step, which, in a method without steps, would be the caller's
      insertStoreProbes();
      insertElementProbes(coveredSlot);
    }
    insertReturnProbes();
    LabelNode tryStart = insertEntryProbes(firstLine, argumentTypes, argumentSlots, arguments);
    LabelNode exitHandler;
    LabelNode exitHandlerBeforeObject = null;
    if (superCall != null) {
      // A constructor: the code before super(...) runs while this is not an object yet. No
      // handler can cover the call itself (HotSpot checks the handler's frame against this
      // both before and after it is made an object): the exit of the constructor called logs
      // this one's too, and when that constructor is not recorded (the JDK's), the reader closes
      // this call at the caller's next step.
      LabelNode beforeSuperCall = new LabelNode();
      method.instructions.insertBefore(superCall, beforeSuperCall);
      LabelNode afterSuperCall = new LabelNode();
      method.instructions.insert(superCall, afterSuperCall);
      if (!((MethodInsnNode) superCall).owner.equals("java/lang/Object")) {
        // its exit is then logged by the exit of the constructor it calls (Probes.thrown)
        InsnList enter = new InsnList();
        enter.add(ProbeCode.push(methodId));
        enter.add(ProbeCode.probeCall("superCall", "(I)V"));
        method.instructions.insertBefore(superCall, enter);
        method.instructions.insert(afterSuperCall, ProbeCode.probeCall("superReturned", "()V"));
      }
      LabelNode objectStart = insertThisOfConstructor(afterSuperCall);
      // the handler after super(...) first, so that its range ends before the other's code
      exitHandler = addExitHandler(objectStart, null, false);
      exitHandlerBeforeObject = addExitHandler(tryStart, beforeSuperCall, true);
    } else {
      exitHandler = addExitHandler(tryStart, null, false);
    }
    made.addAll(new LineRuns(owner, method, methodId, runs).group(lineProbes, definitions::nextProbeId));
    if (countLoops) {
      made.addAll(new CountedLoops(owner, method, methodId, frames).apply(definitions::nextLoopId));
    }
    ExitHandlerGuard.guard(method, exitHandler, frames, false);
    if (exitHandlerBeforeObject != null) {
      ExitHandlerGuard.guard(method, exitHandlerBeforeObject, frames, true);
    }
    UninitializedTypes.keepNextToNews(method, labelsOfNews);

    boolean expectsNames = !isStatic || argumentTypes.length > 0;
    return new Result(made, !named && expectsNames);
  }

  private static int[] argumentSlots(Type[] argumentTypes, boolean isStatic) {
    int[] slots = new int[argumentTypes.length];
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < argumentTypes.length; i++) {
      slots[i] = slot;
      slot += argumentTypes[i].getSize();
    }
    return slots;
  }

  /** Lines: re-snapshots, then the step (its probe id comes when the lines are grouped in runs). */
  private List<LineRuns.LineProbe> insertLineProbes(List<Site> sites, Frame<BasicValue>[] analyzed, long[] changed) {
    List<LineRuns.LineProbe> lineProbes = new ArrayList<>(sites.size());
    for (Site site : sites) {
      int[] visible = MethodVariables.visibleAt(variables, site.index);
      InsnList probe = new InsnList();
      if (analyzed != null && changed[site.index] != 0 && analyzed[site.index] != null) {
        addRefreshes(probe, visible, analyzed[site.index], changed[site.index], site.index >= bodyStart);
      }
      MethodInsnNode step = ProbeCode.probeCall("step", "(I)V");
      probe.add(step);
      lineProbes.add(new LineRuns.LineProbe(step, site.line, visible));
      method.instructions.insertBefore(site.node, probe);
    }
    return lineProbes;
  }

  /** The re-snapshots of the mutable objects visible at a line that what ran since the last may have changed. */
  private void addRefreshes(InsnList probe, int[] visible, Frame<BasicValue> frame, long changed, boolean thisIsAnObject) {
    boolean guarded = (changed & MutationFlow.GUARDED) != 0;
    for (int index : visible) {
      MethodVariables.Variable variable = variables.get(index);
      if (!MethodVariables.isMutableReference(variable) || !frame.getLocal(variable.slot()).isReference()) {
        continue;
      }
      boolean constructing = constructor && variable.slot() == 0 && index == thisVariable;
      if (constructing && !thisIsAnObject) {
        continue;
      }
      String refresh;
      if (MutationFlow.needsRefresh(changed, variable.slot(), variable.descriptor())) {
        refresh = constructing ? "refreshInit" : MutationFlow.onlyGrewBuilders(changed) ? "refreshGrown" : "refreshA";
      } else if (guarded) {
        refresh = constructing ? "refreshInit" : "refreshIfChanged";
      } else {
        continue;
      }
      probe.add(new VarInsnNode(Opcodes.ALOAD, variable.slot()));
      probe.add(ProbeCode.push(RawEvents.valueMeta(RawEvents.K_REF, variable.slot())));
      probe.add(ProbeCode.probeCall(refresh, "(Ljava/lang/Object;I)V"));
    }
    if (guarded) {
      probe.add(ProbeCode.probeCall("settle", "()V"));
    }
  }

  /** Stores to named variables: the value stored. */
  private void insertStoreProbes() {
    for (int i = 0; i < insns.length; i++) {
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
      MethodVariables.Variable variable = MethodVariables.variableStoredAt(variables, insns, i, stored);
      if (variable == null || variable.redacted()) {
        continue;
      }
      int kind = MethodVariables.kindFor(variable.descriptor(), op);
      method.instructions.insert(insn, ProbeCode.valueProbe(op - Opcodes.ISTORE + Opcodes.ILOAD, stored, kind, stored));
    }
  }

  /** Array stores through a named local: the element, so the array need not be snapshotted again. */
  private void insertElementProbes(int[] coveredSlot) {
    for (int i = 0; i < insns.length; i++) {
      if (coveredSlot[i] < 0) {
        continue;
      }
      int op = insns[i].getOpcode();
      MethodVariables.Variable array = MethodVariables.variableStoredAt(variables, insns, i, coveredSlot[i]);
      int kind = RawEvents.kindOf(array.descriptor().substring(1));
      InsnList element = new InsnList();
      element.add(new InsnNode(Opcodes.DUP2));
      element.add(ProbeCode.push(RawEvents.valueMeta(kind, coveredSlot[i])));
      if (op == Opcodes.AASTORE) {
        element.add(ProbeCode.probeCall("elementA", "(ILjava/lang/Object;I)V"));
      } else if (op == Opcodes.FASTORE) {
        element.add(ProbeCode.probeCall("elementF", "(IFI)V"));
      } else {
        element.add(ProbeCode.probeCall("elementI", "(III)V"));
      }
      method.instructions.insertBefore(insns[i], element);
    }
  }

  /**
   * Returns: the value returned, then the exit. A method whose name the redaction pattern matches
   * ({@code getPassword}, a record's {@code apiKey}) returns the redaction marker instead.
   */
  private void insertReturnProbes() {
    Type returnType = Type.getReturnType(method.desc);
    boolean redactedReturn = isRedacted(method.name);
    for (int i = 0; i < insns.length; i++) {
      int op = insns[i].getOpcode();
      if (op < Opcodes.IRETURN || op > Opcodes.RETURN) {
        continue;
      }
      InsnList exit = new InsnList();
      if (values && op != Opcodes.RETURN && redactedReturn) {
        exit.add(ProbeCode.push(RawEvents.valueMeta(RawEvents.K_REF, RawEvents.RETURN_SLOT)));
        exit.add(ProbeCode.probeCall("redacted", "(I)V"));
      } else if (values && op != Opcodes.RETURN) {
        exit.add(new InsnNode(returnType.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP));
        int kind = RawEvents.kindOf(returnType.getDescriptor());
        exit.add(ProbeCode.push(RawEvents.valueMeta(kind, RawEvents.RETURN_SLOT)));
        exit.add(ProbeCode.probeCall(ProbeCode.valueProbeName(kind), ProbeCode.valueProbeDescriptor(kind)));
      }
      if (values && ofRecord && constructor) {
        exit.add(ProbeCode.probeCall("recordConstructed", "()V"));
      }
      exit.add(ProbeCode.push(methodId));
      exit.add(ProbeCode.probeCall("ret", "(I)V"));
      method.instructions.insertBefore(insns[i], exit);
    }
  }

  /**
   * Entry: the call, {@code this} (but in a constructor, see {@link #insertThisOfConstructor}) and
   * the arguments, on the method's first line, where a stack trace shows the method entered when
   * the stack ran out in one of them.
   *
   * @return the label after them, where the body the exit handler covers starts
   */
  private LabelNode insertEntryProbes(int firstLine, Type[] argumentTypes, int[] argumentSlots, int[] arguments) {
    InsnList entry = new InsnList();
    if (!callsOnly) { // a class without line numbers gets none: its stack traces stay as they were
      LabelNode start = new LabelNode();
      entry.add(start);
      entry.add(new LineNumberNode(firstLine, start));
    }
    entry.add(ProbeCode.push(methodId));
    entry.add(ProbeCode.probeCall("call", "(I)V"));
    if (values) {
      if (!constructor && thisVariable >= 0 && !variables.get(thisVariable).redacted()) {
        entry.add(ProbeCode.valueProbe(Opcodes.ALOAD, 0, RawEvents.K_REF, 0));
      }
      for (int i = 0; i < argumentTypes.length; i++) {
        if (arguments[i] >= 0 && variables.get(arguments[i]).redacted()) {
          continue;
        }
        int kind = RawEvents.kindOf(argumentTypes[i].getDescriptor());
        if (arguments[i] >= 0) {
          kind = MethodVariables.kindFor(variables.get(arguments[i]).descriptor(), argumentTypes[i].getOpcode(Opcodes.ISTORE));
        }
        entry.add(ProbeCode.valueProbe(argumentTypes[i].getOpcode(Opcodes.ILOAD), argumentSlots[i], kind, argumentSlots[i]));
      }
    }
    LabelNode tryStart = new LabelNode();
    entry.add(tryStart);
    method.instructions.insert(entry);
    return tryStart;
  }

  /**
   * A constructor's {@code this}, right after its {@code super(...)} or {@code this(...)} (at
   * {@code afterSuperCall}): the first point where it is an object.
   *
   * @return the label after it
   */
  private LabelNode insertThisOfConstructor(LabelNode afterSuperCall) {
    InsnList object = new InsnList();
    if (values && ofRecord) {
      object.add(ProbeCode.probeCall("recordConstructing", "()V"));
    }
    if (values && thisVariable >= 0 && !variables.get(thisVariable).redacted()) {
      object.add(new VarInsnNode(Opcodes.ALOAD, 0));
      object.add(ProbeCode.push(RawEvents.valueMeta(RawEvents.K_REF, 0)));
      object.add(ProbeCode.probeCall("valueInit", "(Ljava/lang/Object;I)V"));
    }
    LabelNode objectStart = new LabelNode();
    object.add(objectStart);
    method.instructions.insert(afterSuperCall, object);
    return objectStart;
  }

  /**
   * Exit by exception: a handler from {@code start} to {@code end} (null: the end of the method)
   * records it and rethrows; returns the handler. {@code beforeObject}: the code before a
   * constructor's {@code super(...)}, where the handler's frame must still name {@code this} as
   * not yet an object (a handler whose frame forgot it would not verify).
   */
  private LabelNode addExitHandler(LabelNode start, LabelNode end, boolean beforeObject) {
    LabelNode handler = new LabelNode();
    if (end == null) {
      end = new LabelNode();
      method.instructions.add(end);
    }
    method.instructions.add(handler);
    if (frames) {
      Object[] locals = beforeObject ? new Object[] {Opcodes.UNINITIALIZED_THIS} : new Object[0];
      method.instructions.add(new FrameNode(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"}));
    }
    method.instructions.add(new InsnNode(Opcodes.DUP));
    method.instructions.add(ProbeCode.push(methodId));
    method.instructions.add(ProbeCode.probeCall("thrown", "(Ljava/lang/Throwable;I)V"));
    method.instructions.add(new InsnNode(Opcodes.ATHROW));
    method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    return handler;
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
  private boolean collectVariables(AbstractInsnNode[] insns, boolean isStatic, List<MethodVariables.Variable> variables) {
    if (method.localVariables != null && !method.localVariables.isEmpty()) {
      for (LocalVariableNode local : method.localVariables) {
        if (local.name == null || local.desc == null) {
          continue;
        }
        variables.add(
            new MethodVariables.Variable(
                local.index,
                local.name,
                local.desc,
                method.instructions.indexOf(local.start),
                method.instructions.indexOf(local.end),
                !local.name.equals("this") && isRedacted(local.name)));
      }
      variables.sort((a, b) -> a.slot() != b.slot() ? Integer.compare(a.slot(), b.slot()) : Integer.compare(a.start(), b.start()));
      return true;
    }
    int end = insns.length;
    if (!isStatic) {
      variables.add(new MethodVariables.Variable(0, "this", "L" + owner + ";", 0, end, false));
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
      variables.add(new MethodVariables.Variable(slot, name, types[i].getDescriptor(), 0, end, isRedacted(name)));
      slot += types[i].getSize();
    }
    return false;
  }

  private boolean isRedacted(String name) {
    return redact != null && redact.matcher(name).find();
  }

  /**
   * For each array store (of an int-like, float or reference element) whose array comes straight
   * from a named, unredacted local: that local's slot; else -1.
   */
  private int[] coveredArrayStores(AbstractInsnNode[] insns, List<MethodVariables.Variable> variables) {
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
      MethodVariables.Variable variable = MethodVariables.variableStoredAt(variables, insns, i, slot);
      if (variable != null && !variable.redacted() && variable.descriptor().startsWith("[") && variable.descriptor().length() >= 2
          && variable.start() <= i) {
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

}
