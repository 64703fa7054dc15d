package dev.codetracer.agent.runtime;

import java.util.Arrays;

/**
 * The constructors of the recording thread that are in their {@code super(...)} or {@code
 * this(...)} call, innermost last. No handler of a constructor can cover that call, so an
 * exception it throws would leave the constructor without its exit; the exit of the constructor
 * called is logged for both ({@link Probes#thrown}). Only the recording thread uses it.
 */
final class SuperCalls {
  private static int[] methods = new int[16];
  private static int[] depths = new int[16];
  private static int count;

  private SuperCalls() {}

  static void enter(int method, int depth) {
    forgetDeeperThan(depth - 1);
    if (count == methods.length) {
      methods = Arrays.copyOf(methods, 2 * count);
      depths = Arrays.copyOf(depths, 2 * count);
    }
    methods[count] = method;
    depths[count] = depth;
    count++;
  }

  /** The constructor at {@code depth} came back from its super call. */
  static void leave(int depth) {
    forgetDeeperThan(depth);
    if (count > 0 && depths[count - 1] == depth) {
      count--;
    }
  }

  /**
   * The constructor at {@code depth}, if it is in its super call, which an exception has just
   * left (the call's exit was logged, bringing the depth back to it): its method, now left too;
   * else -1.
   */
  static int leftBy(int depth) {
    forgetDeeperThan(depth);
    if (count > 0 && depths[count - 1] == depth) {
      return methods[--count];
    }
    return -1;
  }

  /**
   * Forgets the constructors deeper than {@code depth}: the thread is back above them, so they
   * were left (by an exception no exit logged). Done here, not at every return, to keep the
   * return probe as small as it was.
   */
  private static void forgetDeeperThan(int depth) {
    while (count > 0 && depths[count - 1] > depth) {
      count--;
    }
  }

  static void clear() {
    count = 0;
  }
}
