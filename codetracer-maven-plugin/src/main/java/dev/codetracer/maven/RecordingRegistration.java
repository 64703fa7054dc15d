package dev.codetracer.maven;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.record.RecordingPublisher;
import dev.codetracer.core.recording.TestFacts;
import dev.codetracer.maven.tests.TestResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * What happens to a kept recording after its JVM is gone: the test's facts go into its metadata,
 * and core's publisher validates it, registers it in the user's index and, when asked, exports it
 * as a zip beside it (and into {@code CODETRACER_EXPORT_RECORD_FOLDER}).
 */
final class RecordingRegistration {
  static final String RECORDED_BY = "codetracer-maven-plugin";

  private final RecordingPublisher publisher;
  private final Log log;

  RecordingRegistration(RecordingPublisher publisher, Log log) {
    this.publisher = publisher;
    this.log = log;
  }

  /**
   * @param recordMode {@code retain} (recorded as it ran) or {@code rerun}
   * @param reproduced for a re-run: whether the failure happened again, else null
   * @throws CodeTracerException when the folder holds no valid recording
   */
  void complete(Path folder, TestResult test, String recordMode, Boolean reproduced) {
    new TestFacts(test.metadataTest(), test.outcome(), test.metadataFailure(), recordMode, reproduced, RECORDED_BY).writeTo(folder);
    publish(folder).forEach(warning -> log.warn(test.label() + ": " + warning));
  }

  /**
   * Publishes a recording whose metadata already has the test keys (rr's reruns: core's {@code
   * RrTestReruns} writes them).
   *
   * @return what went wrong without losing the recording (not indexed, not exported)
   * @throws CodeTracerException when the folder holds no valid recording
   */
  List<String> publish(Path folder) {
    RecordingPublisher.Published published = publisher.publish(folder);
    published.zips().forEach(zip -> log.info("Exported " + zip));
    return published.warnings();
  }
}
