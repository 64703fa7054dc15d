package dev.codetracer.junit.runner;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A test's failure as JUnit saw it: exception type, message and stack trace. */
public record FailureDescription(String type, String message, String stack) {
  /** Stack traces longer than this are cut; the metadata stays readable. */
  static final int MAX_STACK_CHARS = 64 * 1024;

  public static FailureDescription of(Throwable failure) {
    StringWriter stack = new StringWriter();
    try (PrintWriter out = new PrintWriter(stack)) {
      failure.printStackTrace(out);
    } catch (RuntimeException e) {
      // A broken printStackTrace override must not hide the failure itself.
      stack.write(failure.getClass().getName());
    }
    String text = stack.toString();
    if (text.length() > MAX_STACK_CHARS) {
      text = text.substring(0, MAX_STACK_CHARS) + "\n\t... (cut)";
    }
    return new FailureDescription(failure.getClass().getName(), safeMessage(failure), text);
  }

  private static String safeMessage(Throwable failure) {
    try {
      return failure.getMessage();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
