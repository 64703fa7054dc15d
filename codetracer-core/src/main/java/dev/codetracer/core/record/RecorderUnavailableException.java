package dev.codetracer.core.record;

import dev.codetracer.core.CodeTracerException;

/** The recorder cannot record on this machine or this program; the message says why and what to do. */
public class RecorderUnavailableException extends CodeTracerException {
  private static final long serialVersionUID = 1L;

  public RecorderUnavailableException(String message) {
    super(message);
  }
}
