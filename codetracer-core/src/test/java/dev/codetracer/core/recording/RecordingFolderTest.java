package dev.codetracer.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFolderTest {
  private static final String ID = "0190abcd-1234-7000-8000-000000000001";
  @TempDir Path temp;

  @Test
  void opensAValidJvmRecording() {
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), ID, "/bin/p", "2026-01-01T00:00:00.000Z");
    RecordingFolder recording = RecordingFolder.open(folder);
    assertThat(recording.path()).isEqualTo(folder);
    assertThat(recording.payload()).isEqualTo(RecordingFolder.Payload.TRACE_JSON);
    assertThat(recording.backend()).isEqualTo("jvm");
    assertThat(recording.sourceRoot()).contains(folder.resolve("source"));
    assertThat(recording.eventStream()).isEqualTo(folder.resolve("trace.json"));
    assertThat(recording.sizeBytes()).isEqualTo(RecordingFolder.sizeOf(folder)).isPositive();
  }

  @Test
  void opensAForeignRecordingWithFilesAndWithoutTracePathsOrFunctionIndex() {
    Path folder = TestRecordings.foreignRecording(temp.resolve("rec"), null);
    RecordingFolder recording = RecordingFolder.open(folder);
    assertThat(recording.metadata().isForeign()).isTrue();
    assertThat(recording.backend()).isEqualTo("trace");
    assertThat(recording.sourceRoot()).contains(folder.resolve("files"));
  }

  @Test
  void rrPayloadAndBinaryStream() throws Exception {
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), ID, "/bin/p", null);
    Files.delete(folder.resolve("trace.json"));
    Files.write(folder.resolve("trace.bin"), new byte[] {(byte) 0xC0, (byte) 0xDE});
    assertThat(RecordingFolder.open(folder).payload()).isEqualTo(RecordingFolder.Payload.TRACE_BIN);
    Files.createDirectory(folder.resolve("rr"));
    assertThat(RecordingFolder.open(folder).payload()).isEqualTo(RecordingFolder.Payload.RR);
  }

  @Test
  void saysExactlyWhatIsWrong() throws Exception {
    assertThatThrownBy(() -> RecordingFolder.open(temp.resolve("nope")))
        .isInstanceOf(InvalidRecordingException.class)
        .hasMessage(temp.resolve("nope") + " does not exist");
    Path file = Files.writeString(temp.resolve("file"), "x");
    assertThatThrownBy(() -> RecordingFolder.open(file)).hasMessage(file + " is not a folder");
    Path empty = Files.createDirectory(temp.resolve("empty"));
    assertThatThrownBy(() -> RecordingFolder.open(empty)).hasMessage(empty + " is not a recording: it has no trace_metadata.json");

    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), ID, "/bin/p", null);
    Files.delete(folder.resolve("trace.json"));
    assertThatThrownBy(() -> RecordingFolder.open(folder))
        .hasMessage(folder + " holds no execution: expected rr/, trace.json or trace.bin");
    Files.writeString(folder.resolve("trace.json"), "[]");
    Files.delete(folder.resolve("trace_paths.json"));
    assertThatThrownBy(() -> RecordingFolder.open(folder)).hasMessage(folder + " has an event stream but no trace_paths.json");
    Files.writeString(folder.resolve("trace_paths.json"), "{\"a\":1}");
    assertThatThrownBy(() -> RecordingFolder.open(folder)).hasMessage("trace_paths.json must be a JSON array of strings");
    Files.writeString(folder.resolve("trace_paths.json"), "[1]");
    assertThatThrownBy(() -> RecordingFolder.open(folder)).hasMessage("trace_paths.json must be a JSON array of strings, but holds 1");
    Files.writeString(folder.resolve("trace_paths.json"), "[\"/w/A.java\"]");
    Files.delete(folder.resolve("function_index.json"));
    assertThatThrownBy(() -> RecordingFolder.open(folder)).hasMessage(folder + " has no function_index.json");
    Files.writeString(folder.resolve("function_index.json"), "[{\"name\":1}]");
    assertThatThrownBy(() -> RecordingFolder.open(folder)).hasMessage("function_index.json entry 0 has no string \"name\"");
    Files.writeString(folder.resolve("function_index.json"), "[{\"name\":\"f\",\"line\":\"x\"}]");
    assertThatThrownBy(() -> RecordingFolder.open(folder))
        .hasMessage("function_index.json entry 0 has a \"line\" that is not an integer");
    Files.writeString(folder.resolve("function_index.json"), "[{\"name\":\"f\",\"path\":3}]");
    assertThatThrownBy(() -> RecordingFolder.open(folder))
        .hasMessage("function_index.json entry 0 has a \"path\" that is not a string");
    Files.writeString(folder.resolve("function_index.json"), "{");
    assertThatThrownBy(() -> RecordingFolder.open(folder)).hasMessageStartingWith("function_index.json is not valid JSON");
    Files.writeString(folder.resolve("function_index.json"), "[]");
    assertThat(RecordingFolder.open(folder).metadata().recordingId).isEqualTo(ID);
  }
}
