package dev.codetracer.core.jvm;

/**
 * Caps on one recording. Reaching one ends the stream cleanly at that step.
 *
 * @param maxSteps steps in the stream
 * @param maxEvents events in the stream (checked at each step)
 * @param maxBytes bytes of the stream file (checked at each step): {@code trace.bin}'s compressed
 *     bytes and seek table, not the CBOR it compresses
 */
public record ExpansionLimits(long maxSteps, long maxEvents, long maxBytes) {
  public static final long DEFAULT_MAX_STEPS = 5_000_000L;
  public static final long DEFAULT_MAX_EVENTS = 50_000_000L;
  public static final long DEFAULT_MAX_BYTES = 2L << 30;

  public static ExpansionLimits defaults() {
    return new ExpansionLimits(DEFAULT_MAX_STEPS, DEFAULT_MAX_EVENTS, DEFAULT_MAX_BYTES);
  }
}
