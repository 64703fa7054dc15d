package dev.codetracer.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Calls on {@code java.util} collections, iterators and entries that change nothing, or only
 * their receiver, when the receiver turns out at run time to be one of the JDK's own: iterating,
 * {@code size}, {@code get}, {@code add}, {@code put}, {@code merge} with a function of the JDK.
 * Each gets a guard just before it that hands the receiver (and the key or element) to the
 * runtime, which decides ({@code dev.codetracer.agent.values.TrustedCollections}); the next line
 * then re-checks only the variables that may show a changed receiver, instead of every variable
 * ({@link MutationFlow#GUARDED}).
 */
final class GuardedCalls {
  enum Kind {
    /** Changes nothing: size, isEmpty, hasNext, an entry's key or value, views and iterators. */
    READ("guardRead", false, 0),
    /** {@code get(int)}: the index above the receiver. */
    READ_AT("guardRead", false, 0),
    NEXT("guardNext", false, 0),
    /** get, containsKey, contains: the key above the receiver. */
    LOOKUP("guardLookup", true, 0),
    ADD("guardAdd", true, 0),
    /** The value above the key. */
    PUT("guardPut", true, 1),
    /** The value and the function above the key. */
    MERGE("guardPut", true, 2);

    final String probe;
    /** Whether the probe takes the key (or element) too. */
    final boolean withKey;
    /** How many arguments above the receiver and key wait in locals while the guard runs. */
    final int parked;

    Kind(String probe, boolean withKey, int parked) {
      this.probe = probe;
      this.withKey = withKey;
      this.parked = parked;
    }
  }

  private static final Set<String> COLLECTIONS =
      Set.of(
          "java/lang/Iterable", "java/util/Collection", "java/util/List", "java/util/Set", "java/util/Map",
          "java/util/Queue", "java/util/Deque", "java/util/SortedMap", "java/util/NavigableMap", "java/util/SortedSet",
          "java/util/NavigableSet", "java/util/SequencedCollection", "java/util/SequencedMap", "java/util/SequencedSet",
          "java/util/ArrayList", "java/util/LinkedList", "java/util/ArrayDeque", "java/util/HashMap",
          "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/HashSet", "java/util/LinkedHashSet",
          "java/util/TreeSet");
  private static final Set<String> ITERATORS = Set.of("java/util/Iterator", "java/util/ListIterator");
  private static final String ENTRY = "java/util/Map$Entry";
  private static final Set<String> COLLECTION_READS =
      Set.of(
          "size()I", "isEmpty()Z", "iterator()Ljava/util/Iterator;", "entrySet()Ljava/util/Set;",
          "keySet()Ljava/util/Set;", "values()Ljava/util/Collection;");
  private static final Set<String> LOOKUPS =
      Set.of(
          "get(Ljava/lang/Object;)Ljava/lang/Object;", "containsKey(Ljava/lang/Object;)Z",
          "contains(Ljava/lang/Object;)Z");
  private static final String MERGE = "merge(Ljava/lang/Object;Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object;";

  private GuardedCalls() {}

  /** The guard a call gets, or null when it is not one of these calls. */
  static Kind kindOf(MethodInsnNode call) {
    if (call.getOpcode() != Opcodes.INVOKEINTERFACE && call.getOpcode() != Opcodes.INVOKEVIRTUAL) {
      return null;
    }
    if (!COLLECTIONS.contains(call.owner) && !ITERATORS.contains(call.owner) && !call.owner.equals(ENTRY)) {
      return null;
    }
    String signature = call.name + call.desc;
    if (ITERATORS.contains(call.owner)) {
      return signature.equals("hasNext()Z") ? Kind.READ : signature.equals("next()Ljava/lang/Object;") ? Kind.NEXT : null;
    }
    if (call.owner.equals(ENTRY)) {
      return signature.equals("getKey()Ljava/lang/Object;") || signature.equals("getValue()Ljava/lang/Object;") ? Kind.READ : null;
    }
    if (COLLECTION_READS.contains(signature)) {
      return Kind.READ;
    }
    if (signature.equals("get(I)Ljava/lang/Object;")) {
      return Kind.READ_AT;
    }
    if (LOOKUPS.contains(signature)) {
      return Kind.LOOKUP;
    }
    if (signature.equals("add(Ljava/lang/Object;)Z")) {
      return Kind.ADD;
    }
    if (signature.equals("put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;")) {
      return Kind.PUT;
    }
    if (signature.equals(MERGE) && isJdkFunction(call.getPrevious())) {
      return Kind.MERGE;
    }
    return null;
  }

  /**
   * Whether the instruction just before a call makes a function that runs only the JDK's code and
   * changes nothing: a method reference, capturing nothing, to a method of String, a box or Math
   * that takes and returns only primitives and strings ({@code Integer::sum}).
   */
  private static boolean isJdkFunction(AbstractInsnNode previous) {
    while (previous != null && previous.getOpcode() < 0) {
      previous = previous.getPrevious();
    }
    if (!(previous instanceof InvokeDynamicInsnNode indy)
        || !indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")
        || Type.getArgumentTypes(indy.desc).length != 0
        || indy.bsmArgs.length < 2
        || !(indy.bsmArgs[1] instanceof Handle target)) {
      return false;
    }
    return MutationFlow.isPureCall(target.getOwner(), target.getName(), target.getDesc())
        && MutationFlow.isInert(Type.getReturnType(target.getDesc()));
  }

  /** A guarded call and its guard. */
  record Site(MethodInsnNode call, Kind kind) {}

  /** The guarded calls among a method's instructions (before any probe is added). */
  static List<Site> sites(AbstractInsnNode[] insns) {
    List<Site> sites = new ArrayList<>();
    for (AbstractInsnNode insn : insns) {
      if (insn instanceof MethodInsnNode call) {
        Kind kind = kindOf(call);
        if (kind != null) {
          sites.add(new Site(call, kind));
        }
      }
    }
    return sites;
  }

  /**
   * Puts a guard before each call: a copy of the receiver (and of the key or element) goes to the
   * probe. A put's value and a merge's value and function wait in two locals added past the
   * method's own.
   */
  static void insert(MethodNode method, List<Site> sites) {
    int firstLocal = method.maxLocals;
    int parked = 0;
    for (Site site : sites) {
      Kind kind = site.kind();
      InsnList guard = new InsnList();
      for (int i = kind.parked - 1; i >= 0; i--) {
        guard.add(new VarInsnNode(Opcodes.ASTORE, firstLocal + i));
      }
      if (kind == Kind.READ_AT) {
        // receiver, index -> receiver, index, receiver
        guard.add(new InsnNode(Opcodes.SWAP));
        guard.add(new InsnNode(Opcodes.DUP_X1));
      } else {
        guard.add(new InsnNode(kind.withKey ? Opcodes.DUP2 : Opcodes.DUP));
      }
      guard.add(ProbeCode.probeCall(kind.probe, kind.withKey ? "(Ljava/lang/Object;Ljava/lang/Object;)V" : "(Ljava/lang/Object;)V"));
      for (int i = 0; i < kind.parked; i++) {
        guard.add(new VarInsnNode(Opcodes.ALOAD, firstLocal + i));
      }
      method.instructions.insertBefore(site.call(), guard);
      parked = Math.max(parked, kind.parked);
    }
    method.maxLocals = firstLocal + parked;
  }
}
