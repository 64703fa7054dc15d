package dev.codetracer.junit.recording;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.record.RecordingPublisher;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TestFacts;
import dev.codetracer.junit.runner.FailureDescription;
import dev.codetracer.junit.runner.TestDescription;
import dev.codetracer.junit.runner.TestOutcome;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What happens to a finished recording of a test: its test keys go into the metadata, the size
 * cap ({@code codetracer.maxSize}) applies, and core's publisher validates, registers and exports
 * it.
 */
public final class TestRecordingPublisher {
  /** {@code recorded_by} of this extension's recordings. */
  public static final String RECORDED_BY = "codetracer-junit";

  private final long maxSizeBytes;
  private final RecordingPublisher publisher;

  public TestRecordingPublisher(long maxSizeBytes, RecordingPublisher publisher) {
    this.maxSizeBytes = maxSizeBytes;
    this.publisher = publisher;
  }

  /**
   * Publishes the recording of {@code test} in {@code folder}.
   *
   * @param failure the failure the recording is about, or null
   * @param recordMode {@code retain} or {@code rerun}
   * @param reproduced rerun mode: whether the recorded run failed again; null otherwise
   * @return the published recording, with what went wrong without losing it (not indexed, not
   *     exported)
   * @throws CodeTracerException when there is no usable recording (over the size cap: the folder
   *     is removed; not a valid recording: it is left for inspection)
   */
  public RecordingPublisher.Published publish(
      Path folder, TestDescription test, TestOutcome outcome, FailureDescription failure, String recordMode, Boolean reproduced) {
    TestFacts.Test which = new TestFacts.Test(test.uniqueId(), test.displayName(), test.className(), test.methodName(), test.parameters());
    TestFacts.Failure failed = failure == null ? null : new TestFacts.Failure(failure.type(), failure.message(), failure.stack());
    new TestFacts(which, outcome.value(), failed, recordMode, reproduced, RECORDED_BY).writeTo(folder);
    return publishWithTestKeys(folder);
  }

  /**
   * Publishes a recording whose metadata already has the test keys (rr's reruns: core's {@code
   * RrTestReruns} writes them): the size cap, then validation, index, export.
   *
   * @return as {@link #publish}
   * @throws CodeTracerException as {@link #publish}
   */
  public RecordingPublisher.Published publishWithTestKeys(Path folder) {
    long size = RecordingFolder.sizeOf(folder);
    if (size > maxSizeBytes) {
      FileTrees.deleteQuietly(folder);
      throw new CodeTracerException(
          "it was " + mib(size) + ", over codetracer.maxSize (" + mib(maxSizeBytes) + "), and was removed; raise codetracer.maxSize");
    }
    try {
      return publisher.publish(folder);
    } catch (CodeTracerException e) {
      throw new CodeTracerException("the recorder left no valid recording in " + folder + ": " + e.getMessage(), e);
    }
  }

  static String mib(long bytes) {
    if (bytes < (1L << 20)) {
      return (bytes >> 10) + " KiB";
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
  }
}
