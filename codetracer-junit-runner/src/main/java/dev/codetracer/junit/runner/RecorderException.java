package dev.codetracer.junit.runner;

/** The recorder failed; the message is one line a user can read. */
public final class RecorderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecorderException(String message) {
    super(message);
  }

  public RecorderException(String message, Throwable cause) {
    super(message, cause);
  }
}
