package dev.codetracer.core.index;

import dev.codetracer.core.CodeTracerException;

/** The recording (same id, or same folder) is already in the index. */
public class AlreadyIndexedException extends CodeTracerException {
  private static final long serialVersionUID = 1L;
  private final transient IndexedRecording existing;

  public AlreadyIndexedException(IndexedRecording existing) {
    super(
        "recording "
            + existing.recordingId()
            + " is already in the index, at "
            + existing.folder());
    this.existing = existing;
  }

  public IndexedRecording existing() {
    return existing;
  }
}
