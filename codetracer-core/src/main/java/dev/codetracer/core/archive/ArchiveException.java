package dev.codetracer.core.archive;

import dev.codetracer.core.CodeTracerException;

/** An archive that cannot be imported or exported; the message names the archive and the cause. */
public class ArchiveException extends CodeTracerException {
  private static final long serialVersionUID = 1L;

  public ArchiveException(String message) {
    super(message);
  }

  public ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
