package dev.codetracer.core.record;

import dev.codetracer.core.CodeTracerException;

/**
 * The program ran but its recording could not be made: the front end reports it and still exits
 * with the program's exit code when that is a failure, which scripts and CI jobs act on.
 */
public class RecordingLostException extends CodeTracerException {
  private static final long serialVersionUID = 1L;

  private final int programExitCode;

  public RecordingLostException(String message, int programExitCode, Throwable cause) {
    super(message, cause);
    this.programExitCode = programExitCode;
  }

  public int programExitCode() {
    return programExitCode;
  }
}
