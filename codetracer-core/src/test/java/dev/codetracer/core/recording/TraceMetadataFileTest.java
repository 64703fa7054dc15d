package dev.codetracer.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceMetadataFileTest {
  private static final String ID = "0190abcd-1234-7000-8000-000000000001";

  private static TraceMetadata parse(String json) {
    return TraceMetadataFile.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertInvalid(String json, String... words) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(InvalidRecordingException.class)
        .hasMessageStartingWith("trace_metadata.json ")
        .hasMessageContainingAll(words)
        .hasMessageNotContaining("\n");
  }

  @Test
  void readsOurMetadata() {
    TraceMetadata m = parse(TestRecordings.metadataJson(ID, "/bin/prog", "2026-01-02T03:04:05.678Z"));
    assertThat(m.formatVersion).isEqualTo(1);
    assertThat(m.recordingId).isEqualTo(ID);
    assertThat(m.program).isEqualTo("/bin/prog");
    assertThat(m.args).containsExactly("--flag", "two words");
    assertThat(m.workdir).isEqualTo("/w");
    assertThat(m.startTime).isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(m.exitCode).isZero();
    assertThat(m.isForeign()).isFalse();
  }

  @Test
  void missingFileNamesTheFolder(@TempDir Path temp) {
    assertThatThrownBy(() -> TraceMetadataFile.read(temp))
        .isInstanceOf(InvalidRecordingException.class)
        .hasMessage(temp + " is not a recording: it has no trace_metadata.json");
  }

  @Test
  void notJsonNamesThePosition() {
    assertInvalid("{\"program\": \"x\",\n  oops}", "is not valid JSON", "line 2");
    assertInvalid("", "is empty");
  }

  @Test
  void aDocumentThatIsNotAnObject() {
    assertInvalid("[1, 2]", "must be a JSON object, not an array");
    assertInvalid("\"text\"", "must be a JSON object, not a string");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"args\":[],\"workdir\":\"/w\"}|has no \"program\"",
        "{\"program\":null,\"args\":[],\"workdir\":\"/w\"}|has no \"program\"",
        "{\"program\":\"p\",\"workdir\":\"/w\"}|has no \"args\"",
        "{\"program\":\"p\",\"args\":[]}|has no \"workdir\""
      })
  void missingRequiredKeys(String json, String message) {
    assertInvalid(json, message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"program\":5,\"args\":[],\"workdir\":\"/w\"}|\"program\" must be a string, not a number (5)",
        "{\"program\":\"p\",\"args\":\"a b\",\"workdir\":\"/w\"}|\"args\" must be an array, not a string",
        "{\"program\":\"p\",\"args\":[1],\"workdir\":\"/w\"}|\"args\" must be an array of strings, but holds 1",
        "{\"program\":\"p\",\"args\":[],\"workdir\":[]}|\"workdir\" must be a string, not an array",
        "{\"program\":\"p\",\"args\":[],\"workdir\":\"/w\",\"recording_id\":7}|\"recording_id\" must be a string, not a number",
        "{\"program\":\"p\",\"args\":[],\"workdir\":\"/w\",\"recording_id\":\"abc\"}|\"recording_id\" is not a UUID: \"abc\"",
        "{\"program\":\"p\",\"args\":[],\"workdir\":\"/w\",\"format_version\":\"1\"}|\"format_version\" must be a number, not a string",
        "{\"program\":\"p\",\"args\":[],\"workdir\":\"/w\",\"format_version\":1.5}|\"format_version\" must be an integer, not 1.5",
        "{\"program\":\"p\",\"args\":[],\"workdir\":\"/w\",\"exit_code\":\"0\"}|\"exit_code\" must be a number, not a string",
        "{\"program\":\"p\",\"args\":[],\"workdir\":\"/w\",\"truncated\":\"no\"}|\"truncated\" must be true or false, not a string",
        "{\"program\":\"p\",\"args\":[],\"workdir\":\"/w\",\"duration_ms\":true}|\"duration_ms\" must be a number, not true or false",
        "{\"program\":\"p\",\"args\":[],\"workdir\":\"/w\",\"start_time\":{}}|\"start_time\" must be a string, not an object"
      })
  void wrongTypesNameTheKeyAndWhatItShouldBe(String json, String message) {
    assertInvalid(json, message);
  }

  @Test
  void unknownFormatVersionsAreRefusedWithAHint() {
    assertInvalid("{\"format_version\":2,\"program\":\"p\",\"args\":[],\"workdir\":\"/w\"}",
        "has format_version 2", "cannot read", "upgrade codetracer");
    assertInvalid("{\"format_version\":0,\"program\":\"p\",\"args\":[],\"workdir\":\"/w\"}", "has format_version 0");
    assertInvalid("{\"format_version\":-3,\"program\":\"p\",\"args\":[],\"workdir\":\"/w\"}", "has format_version -3");
  }

  @Test
  void foreignMetadataWithOnlyProgramArgsAndWorkdirIsAccepted() {
    TraceMetadata m = parse("{\"program\":\"/usr/bin/ruby\",\"args\":[\"main.rb\"],\"workdir\":\"/home/u\"}");
    assertThat(m.isForeign()).isTrue();
    assertThat(m.recordingId).isNull();
    assertThat(m.program).isEqualTo("/usr/bin/ruby");
    assertThat(m.args).containsExactly("main.rb");
  }

  @Test
  void unknownKeysArePreservedOnRewrite(@TempDir Path temp) throws Exception {
    String json =
        "{\"format_version\":1,\"recording_id\":\"" + ID + "\",\"program\":\"p\",\"args\":[],\"workdir\":\"/w\","
            + "\"future_key\":{\"nested\":[1,2,{\"x\":null}]},\"rr_version\":\"5.8.0\",\"odd_number\":1.25}";
    Files.writeString(temp.resolve(TraceMetadataFile.NAME), json);
    Files.setPosixFilePermissions(temp.resolve(TraceMetadataFile.NAME), PosixFilePermissions.fromString("rw-r--r--"));
    TraceMetadata m = TraceMetadataFile.read(temp);
    assertThat(m.extra()).containsKeys("future_key", "rr_version", "odd_number");
    m.exitCode = 3;
    TraceMetadataFile.write(temp, m);

    JsonNode written = new ObjectMapper().readTree(temp.resolve(TraceMetadataFile.NAME).toFile());
    JsonNode original = new ObjectMapper().readTree(json);
    assertThat(written.get("future_key")).isEqualTo(original.get("future_key"));
    assertThat(written.get("rr_version").asText()).isEqualTo("5.8.0");
    assertThat(written.get("odd_number").asDouble()).isEqualTo(1.25);
    assertThat(written.get("exit_code").asInt()).isEqualTo(3);
    assertThat(written.has("backend")).as("absent keys stay absent, not null").isFalse();
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .as("no temporary file is left behind")
          .containsExactly(TraceMetadataFile.NAME);
    }
    assertThat(Files.getPosixFilePermissions(temp.resolve(TraceMetadataFile.NAME)))
        .as("a rewritten file stays readable like the one it replaces")
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    // and it reads back the same
    assertThat(TraceMetadataFile.read(temp).extra()).isEqualTo(m.extra());
  }

  @Test
  void writtenMetadataStartsWithTheKeysCodeTracerReads() throws Exception {
    TraceMetadata m = new TraceMetadata();
    m.formatVersion = 1;
    m.recordingId = ID;
    m.program = "p";
    m.args = List.of("a");
    m.workdir = "/w";
    m.backend = "jvm";
    JsonNode node = new ObjectMapper().readTree(TraceMetadataFile.toBytes(m));
    List<String> keys = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).startsWith("format_version", "recording_id", "program", "args", "workdir", "backend");
  }

  @Test
  void everyKnownKeyReadsIntoItsFieldAndWritesBackTheSame() throws Exception {
    java.util.Map<String, Object> document = new java.util.LinkedHashMap<>();
    int n = 0;
    for (MetadataKeys.Key key : MetadataKeys.KEYS) {
      n++;
      Object value =
          switch (key.type()) {
            case STRING -> key.name().equals("recording_id") ? ID : "value " + n;
            case INTEGER -> key.name().equals("format_version") ? 1 : n;
            case LONG -> 1_000_000_000_000L + n;
            case BOOLEAN -> n % 2 == 0;
            case STRINGS -> List.of("first " + n, "second");
          };
      document.put(key.name(), value);
    }
    document.put("rr_version", "5.8.0");
    TraceMetadata m = parse(new ObjectMapper().writeValueAsString(document));

    assertThat(m.extra()).as("only the unknown key is left over").containsOnlyKeys("rr_version");
    assertThat(m.durationMs).isEqualTo(1_000_000_000_000L + 11);
    assertThat(m.redactionPattern).isEqualTo("value " + MetadataKeys.KEYS.size());
    assertThat(new ObjectMapper().readTree(TraceMetadataFile.toBytes(m)))
        .as("each key's value went into a field of its own and came back under the same key")
        .isEqualTo(new ObjectMapper().valueToTree(document));
  }
}
