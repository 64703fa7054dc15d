package dev.codetracer.core.trace;

import dev.codetracer.core.CodeTracerException;

/**
 * An event stream that CodeTracer could not load, or that breaks a rule its replay relies on. The
 * message is one line naming the event (0-based index and kind) and what is wrong with it.
 */
public class InvalidTraceException extends CodeTracerException {
  private static final long serialVersionUID = 1L;

  public InvalidTraceException(String message) {
    super(message);
  }

  public InvalidTraceException(String message, Throwable cause) {
    super(message, cause);
  }
}
