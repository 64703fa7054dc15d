package dev.codetracer.agent.runtime;

import dev.codetracer.core.jvm.RawDefinition;
import dev.codetracer.core.jvm.WellKnownTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every definition the agent made in this JVM (methods, probes, layouts, type names, class
 * facts), in order, with the id counters. Append-only. A recording writes the methods it used
 * (each with its probes) and everything else up to the point it has reached before its own
 * events, so a recording started late still has the definitions of classes loaded earlier, and
 * a test's recording does not carry every method of the suite.
 */
public final class Definitions {
  private static final Definitions INSTANCE = new Definitions();

  private final List<RawDefinition> all = new ArrayList<>();
  private final AtomicInteger methodIds = new AtomicInteger();
  private final AtomicInteger probeIds = new AtomicInteger();
  private final AtomicInteger loopIds = new AtomicInteger();
  private final AtomicInteger layoutIds = new AtomicInteger();
  private final AtomicInteger typeIds = new AtomicInteger(WellKnownTypes.FIRST_DYNAMIC_ID);
  private final ConcurrentHashMap<String, Integer> typeNames = new ConcurrentHashMap<>();
  /** The steps each probe stands for (a run stands for several lines; -1: not defined yet). */
  private int[] probeSteps = new int[0];
  /** The method of each probe (-1: not defined yet). */
  private int[] probeMethods = new int[0];
  /** By loop: the steps of its first k probe visits, k from 0 to the number of its probes (null: not defined yet). */
  private long[][] loopSteps = new long[0][];
  /** The method of each loop (-1: not defined yet). */
  private int[] loopMethods = new int[0];
  /** By method id: the method's definition, then its probes' and its class's facts. */
  private final List<List<RawDefinition>> methods = new ArrayList<>();

  public static Definitions get() {
    return INSTANCE;
  }

  public int nextMethodId() {
    return methodIds.getAndIncrement();
  }

  public int nextProbeId() {
    return probeIds.getAndIncrement();
  }

  public int nextLoopId() {
    return loopIds.getAndIncrement();
  }

  public int nextLayoutId() {
    return layoutIds.getAndIncrement();
  }

  public synchronized void add(RawDefinition definition) {
    all.add(definition);
    index(definition);
  }

  public synchronized void addAll(List<? extends RawDefinition> definitions) {
    all.addAll(definitions);
    definitions.forEach(this::index);
  }

  /**
   * A class's methods and probes, and facts about the class (no source found, no local variable
   * names) that a recording carries when it uses one of those methods.
   */
  public synchronized void addClass(List<? extends RawDefinition> definitions, List<RawDefinition.Fact> classFacts) {
    addAll(definitions);
    if (classFacts.isEmpty()) {
      return;
    }
    for (RawDefinition definition : definitions) {
      if (definition instanceof RawDefinition.Method method) {
        definitionsOf(method.id()).addAll(classFacts);
      }
    }
  }

  /** Files a method, probe or loop under its method, and notes a probe's or loop's steps and method. */
  private void index(RawDefinition definition) {
    if (definition instanceof RawDefinition.Method method) {
      definitionsOf(method.id()).add(0, method);
    } else if (definition instanceof RawDefinition.Probe probe) {
      probeSteps = withRoomFor(probeSteps, probe.id());
      probeMethods = withRoomFor(probeMethods, probe.id());
      probeSteps[probe.id()] = probe.steps();
      probeMethods[probe.id()] = probe.method();
      definitionsOf(probe.method()).add(probe);
    } else if (definition instanceof RawDefinition.Loop loop) {
      loopMethods = withRoomFor(loopMethods, loop.id());
      if (loopSteps.length < loopMethods.length) {
        loopSteps = Arrays.copyOf(loopSteps, loopMethods.length);
      }
      long[] steps = new long[loop.probes().length + 1];
      for (int i = 0; i < loop.probes().length; i++) {
        steps[i + 1] = steps[i] + probeSteps[loop.probes()[i]];
      }
      loopSteps[loop.id()] = steps;
      loopMethods[loop.id()] = loop.method();
      definitionsOf(loop.method()).add(loop);
    }
  }

  /** {@code table}, grown (the new entries -1: not defined yet) to hold {@code id}. */
  private static int[] withRoomFor(int[] table, int id) {
    if (id < table.length) {
      return table;
    }
    int old = table.length;
    int[] grown = Arrays.copyOf(table, Math.max(id + 1, 2 * old + 64));
    Arrays.fill(grown, old, grown.length, -1);
    return grown;
  }

  private List<RawDefinition> definitionsOf(int methodId) {
    while (methods.size() <= methodId) {
      methods.add(new ArrayList<>());
    }
    return methods.get(methodId);
  }

  /** A copy of the steps each probe id stands for (-1 for an id not defined yet). */
  public synchronized int[] probeSteps() {
    return probeSteps.clone();
  }

  /** A copy of the method of each probe id (-1 for an id not defined yet). */
  public synchronized int[] probeMethods() {
    return probeMethods.clone();
  }

  /** A copy of the table of each loop's steps (see {@link #loopSteps}; null for an id not defined yet). */
  public synchronized long[][] loopSteps() {
    return loopSteps.clone();
  }

  /** A copy of the method of each loop id (-1 for an id not defined yet). */
  public synchronized int[] loopMethods() {
    return loopMethods.clone();
  }

  /** The definition of a method followed by those of its probes and its class's facts; empty when not defined. */
  public synchronized List<RawDefinition> ofMethod(int methodId) {
    return methodId < methods.size() ? new ArrayList<>(methods.get(methodId)) : new ArrayList<>();
  }

  public void fact(String key, Object value) {
    add(new RawDefinition.Fact(key, value));
  }

  /** The id of a type name, defining it on first use. */
  public int typeName(String name) {
    Integer id = typeNames.get(name);
    if (id != null) {
      return id;
    }
    synchronized (this) {
      id = typeNames.get(name);
      if (id == null) {
        id = typeIds.getAndIncrement();
        all.add(new RawDefinition.TypeName(id, name));
        typeNames.put(name, id);
      }
      return id;
    }
  }

  public synchronized int size() {
    return all.size();
  }

  /**
   * The definitions other than methods', probes' and loops' (see {@link #ofMethod}) from {@code from}
   * (inclusive) to {@code to} (exclusive, at most {@link #size}).
   */
  public synchronized List<RawDefinition> sharedBetween(int from, int to) {
    List<RawDefinition> shared = new ArrayList<>();
    for (RawDefinition definition : all.subList(from, to)) {
      if (!(definition instanceof RawDefinition.Method) && !(definition instanceof RawDefinition.Probe)
          && !(definition instanceof RawDefinition.Loop)) {
        shared.add(definition);
      }
    }
    return shared;
  }
}
