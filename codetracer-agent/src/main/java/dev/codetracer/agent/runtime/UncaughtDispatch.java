package dev.codetracer.agent.runtime;

import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Whether the calling thread runs the JVM's handling of an exception that left it: {@code
 * Thread.dispatchUncaughtException}, which calls the thread's uncaught-exception handler (by
 * default the one that prints the stack trace). A class, not a lambda, so that asking spins no
 * class in the recorded JVM.
 */
final class UncaughtDispatch implements Function<Stream<StackWalker.StackFrame>, Boolean> {
  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final UncaughtDispatch FINDER = new UncaughtDispatch();

  private UncaughtDispatch() {}

  static boolean isRunning() {
    return WALKER.walk(FINDER);
  }

  @Override
  public Boolean apply(Stream<StackWalker.StackFrame> frames) {
    Iterator<StackWalker.StackFrame> it = frames.iterator();
    while (it.hasNext()) {
      StackWalker.StackFrame frame = it.next();
      if (frame.getMethodName().equals("dispatchUncaughtException") && frame.getClassName().equals("java.lang.Thread")) {
        return true;
      }
    }
    return false;
  }
}
