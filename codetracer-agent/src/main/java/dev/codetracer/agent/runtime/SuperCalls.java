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
    if (count == methods.length) {
      methods = Arrays.copyOf(methods, 2 * count);
      depths = Arrays.copyOf(depths, 2 * count);
    }
    methods[count] = method;
    depths[count] = depth;
    count++;
  }

  static void leave() {
    if (count > 0) {
      count--;
    }
  }

  /**
   * The constructor at {@code depth}, if it is in its super call, which an exception has just
   * left (the call's exit was logged, bringing the depth back to it): its method, now left too;
   * else -1.
   */
  static int leftBy(int depth) {
    if (count > 0 && depths[count - 1] == depth) {
      return methods[--count];
    }
    return -1;
  }

  /** Forgets the constructors deeper than {@code depth}: they have been left (by an exception no exit logged). */
  static void returnedTo(int depth) {
    while (count > 0 && depths[count - 1] > depth) {
      count--;
    }
  }

  static void clear() {
    count = 0;
  }
}
