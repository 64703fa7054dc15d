package dev.codetracer.agent.runtime;

import dev.codetracer.core.jvm.RawDefinition;
import dev.codetracer.core.jvm.WellKnownTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every definition the agent made in this JVM (methods, probes, layouts, type names, class
 * facts), in order, with the id counters. Append-only: each recording writes all of it up to the
 * point it has reached before its own events, so a recording started late still has the
 * definitions of classes loaded earlier.
 */
public final class Definitions {
  private static final Definitions INSTANCE = new Definitions();

  private final List<RawDefinition> all = new ArrayList<>();
  private final AtomicInteger methodIds = new AtomicInteger();
  private final AtomicInteger probeIds = new AtomicInteger();
  private final AtomicInteger layoutIds = new AtomicInteger();
  private final AtomicInteger typeIds = new AtomicInteger(WellKnownTypes.FIRST_DYNAMIC_ID);
  private final ConcurrentHashMap<String, Integer> typeNames = new ConcurrentHashMap<>();
  /** The steps each probe stands for (a run stands for several lines; -1: not defined yet). */
  private int[] probeSteps = new int[0];

  public static Definitions get() {
    return INSTANCE;
  }

  public int nextMethodId() {
    return methodIds.getAndIncrement();
  }

  public int nextProbeId() {
    return probeIds.getAndIncrement();
  }

  public int nextLayoutId() {
    return layoutIds.getAndIncrement();
  }

  public synchronized void add(RawDefinition definition) {
    all.add(definition);
    noteSteps(definition);
  }

  public synchronized void addAll(List<? extends RawDefinition> definitions) {
    all.addAll(definitions);
    definitions.forEach(this::noteSteps);
  }

  private void noteSteps(RawDefinition definition) {
    if (definition instanceof RawDefinition.Probe probe) {
      if (probe.id() >= probeSteps.length) {
        int old = probeSteps.length;
        probeSteps = java.util.Arrays.copyOf(probeSteps, Math.max(probe.id() + 1, 2 * old + 64));
        java.util.Arrays.fill(probeSteps, old, probeSteps.length, -1);
      }
      probeSteps[probe.id()] = probe.steps();
    }
  }

  /** A copy of the steps each probe id stands for (-1 for an id not defined yet). */
  public synchronized int[] probeSteps() {
    return probeSteps.clone();
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

  /** The definitions from {@code from} (inclusive) to the current end. */
  public synchronized List<RawDefinition> since(int from) {
    return new ArrayList<>(all.subList(from, all.size()));
  }
}
