package dev.codetracer.core;

/**
 * A failure the user can act on. Its message is one line that says what went wrong and, where
 * possible, what to do about it; front ends print it as is and show the stack trace only when
 * asked to be verbose.
 */
public class CodeTracerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CodeTracerException(String message) {
    super(message);
  }

  public CodeTracerException(String message, Throwable cause) {
    super(message, cause);
  }
}
