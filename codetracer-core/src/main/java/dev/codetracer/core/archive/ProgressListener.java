package dev.codetracer.core.archive;

/** Told how far a long export or import has come. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  /** Called with the bytes done so far, and the total when known (else -1). */
  void progress(long doneBytes, long totalBytes);

  /** Called once when the work is over, whatever the outcome. */
  default void finished() {}
}
