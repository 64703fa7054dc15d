package dev.codetracer.core.recording;

import dev.codetracer.core.CodeTracerException;

/** A folder or archive that is not a valid recording; the message says exactly what is wrong. */
public class InvalidRecordingException extends CodeTracerException {
  private static final long serialVersionUID = 1L;

  public InvalidRecordingException(String message) {
    super(message);
  }

  public InvalidRecordingException(String message, Throwable cause) {
    super(message, cause);
  }
}
