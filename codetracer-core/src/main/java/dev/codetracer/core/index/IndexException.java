package dev.codetracer.core.index;

import dev.codetracer.core.CodeTracerException;

/** The index cannot be opened, read or written. */
public class IndexException extends CodeTracerException {
  private static final long serialVersionUID = 1L;

  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
