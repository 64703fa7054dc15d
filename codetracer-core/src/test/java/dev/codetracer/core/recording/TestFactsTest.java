package dev.codetracer.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFactsTest {
  @TempDir Path temp;

  @Test
  void theTestKeysJoinTheRecordersKeys() {
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), "0190a1b2-0000-7000-8000-000000000001", "java", null);
    TestFacts.Test test =
        new TestFacts.Test("[engine:junit-jupiter]/[class:a.CartTest]/[method:adds()]", "adds()", "a.CartTest", "adds", "(2, 4)");
    TestFacts.Failure failure =
        new TestFacts.Failure("org.opentest4j.AssertionFailedError", "expected: <1> but was: <2>", "at a.CartTest.adds");
    new TestFacts(test, "failed", failure, "rerun", true, "codetracer-junit").writeTo(folder);

    TraceMetadata metadata = TraceMetadataFile.read(folder);
    assertThat(metadata.testId).isEqualTo("[engine:junit-jupiter]/[class:a.CartTest]/[method:adds()]");
    assertThat(metadata.testName).isEqualTo("adds()");
    assertThat(metadata.testClass).isEqualTo("a.CartTest");
    assertThat(metadata.testMethod).isEqualTo("adds");
    assertThat(metadata.testParameters).isEqualTo("(2, 4)");
    assertThat(metadata.testOutcome).isEqualTo("failed");
    assertThat(metadata.failureType).isEqualTo("org.opentest4j.AssertionFailedError");
    assertThat(metadata.failureMessage).isEqualTo("expected: <1> but was: <2>");
    assertThat(metadata.failureStack).isEqualTo("at a.CartTest.adds");
    assertThat(metadata.recordMode).isEqualTo("rerun");
    assertThat(metadata.reproduced).isTrue();
    assertThat(metadata.extra()).containsEntry("recorded_by", "codetracer-junit");
    assertThat(metadata.recordingId).isEqualTo("0190a1b2-0000-7000-8000-000000000001");
    assertThat(metadata.program).isEqualTo("java");
  }

  @Test
  void aPassingTestHasNoFailureKeys() {
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), "0190a1b2-0000-7000-8000-000000000002", "java", null);
    new TestFacts(new TestFacts.Test("id", "passes()", "a.CartTest", "passes", null), "passed", null, "retain", null, null).writeTo(folder);

    TraceMetadata metadata = TraceMetadataFile.read(folder);
    assertThat(metadata.testOutcome).isEqualTo("passed");
    assertThat(metadata.failureType).isNull();
    assertThat(metadata.reproduced).isNull();
    assertThat(metadata.extra()).doesNotContainKey("recorded_by");
  }
}
