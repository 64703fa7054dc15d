package dev.codetracer.agent.runtime;

import java.util.Arrays;

/**
 * A probe runs at every line and call, so the stack often runs out in a probe's frame, and the
 * program's StackOverflowError would start with the agent's frames. The first exit of a recorded
 * frame with stack enough to spare takes them off: the program sees the error raised where its
 * own code called the probe, in its own code, as it would have been unrecorded.
 */
final class OverflowTraces {
  private static final String AGENT_PACKAGE = "dev.codetracer.agent.";
  /** The last error looked at (by any thread: a race only looks at one twice). */
  private static Throwable lastSeen;

  private OverflowTraces() {}

  /** Takes the agent's frames off the top of the error's stack trace; throws when the stack is still short. */
  static void hideAgentFrames(StackOverflowError overflow) {
    if (overflow == lastSeen) {
      return;
    }
    StackTraceElement[] trace = overflow.getStackTrace();
    int agentFrames = 0;
    while (agentFrames < trace.length && trace[agentFrames].getClassName().startsWith(AGENT_PACKAGE)) {
      agentFrames++;
    }
    if (agentFrames > 0) {
      overflow.setStackTrace(Arrays.copyOfRange(trace, agentFrames, trace.length));
    }
    lastSeen = overflow;
  }
}
