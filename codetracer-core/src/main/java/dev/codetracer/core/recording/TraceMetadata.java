package dev.codetracer.core.recording;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code trace_metadata.json}: one flat object, documented key by key in {@code
 * docs/trace-metadata.md}. CodeTracer itself reads {@code recording_id}, {@code program}, {@code
 * args} and {@code workdir}; the other keys are what a user needs to find and understand a
 * recording. Keys this version does not know are kept and written back unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "format_version", "recording_id", "program", "args", "workdir", "backend", "language",
  "recorder_name", "recorder_version", "start_time", "duration_ms", "exit_code", "signal"
})
public final class TraceMetadata {
  /** The {@code format_version} this version writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  @JsonProperty("format_version") public Integer formatVersion;
  @JsonProperty("recording_id") public String recordingId;
  @JsonProperty("program") public String program;
  @JsonProperty("args") public List<String> args = new ArrayList<>();
  @JsonProperty("workdir") public String workdir;

  @JsonProperty("backend") public String backend;
  @JsonProperty("language") public String language;
  @JsonProperty("recorder_name") public String recorderName;
  @JsonProperty("recorder_version") public String recorderVersion;
  /** The codetracer-java that made or finished the recording. */
  @JsonProperty("codetracer_version") public String codetracerVersion;
  /** ISO-8601 UTC, e.g. {@code 2026-11-28T07:17:35.123Z}. */
  @JsonProperty("start_time") public String startTime;
  @JsonProperty("duration_ms") public Long durationMs;
  @JsonProperty("exit_code") public Integer exitCode;
  /** The signal that ended the program (e.g. {@code SIGKILL}), when one did. */
  @JsonProperty("signal") public String signal;

  @JsonProperty("host_os") public String hostOs;
  @JsonProperty("host_arch") public String hostArch;
  @JsonProperty("host_name") public String hostName;
  @JsonProperty("cpu_model") public String cpuModel;
  @JsonProperty("user") public String user;
  @JsonProperty("java_version") public String javaVersion;
  @JsonProperty("java_vendor") public String javaVendor;
  @JsonProperty("compiler") public String compiler;

  @JsonProperty("test_id") public String testId;
  @JsonProperty("test_name") public String testName;
  @JsonProperty("test_class") public String testClass;
  @JsonProperty("test_method") public String testMethod;
  @JsonProperty("test_parameters") public String testParameters;
  @JsonProperty("test_outcome") public String testOutcome;
  @JsonProperty("failure_type") public String failureType;
  @JsonProperty("failure_message") public String failureMessage;
  @JsonProperty("failure_stack") public String failureStack;
  @JsonProperty("record_mode") public String recordMode;
  @JsonProperty("reproduced") public Boolean reproduced;

  @JsonProperty("steps") public Long steps;
  @JsonProperty("truncated") public Boolean truncated;
  @JsonProperty("truncation_reason") public String truncationReason;
  @JsonProperty("truncated_at_step") public Long truncatedAtStep;
  @JsonProperty("redaction_pattern") public String redactionPattern;

  private final Map<String, Object> extra = new LinkedHashMap<>();

  @JsonAnySetter
  public void put(String key, Object value) {
    extra.put(key, value);
  }

  /** Keys outside the typed fields: facts of one backend, or keys of a newer codetracer. */
  @JsonAnyGetter
  public Map<String, Object> extra() {
    return extra;
  }

  /** True when written by another CodeTracer recorder, which writes no {@code format_version}. */
  @JsonIgnore
  public boolean isForeign() {
    return formatVersion == null;
  }

  @JsonIgnore
  public boolean isTest() {
    return testId != null || testName != null;
  }

  /** A display name for a test: its name when it has one, else class and method. */
  @JsonIgnore
  public String testLabel() {
    if (testClass != null && testMethod != null) {
      String simpleClass = testClass.substring(testClass.lastIndexOf('.') + 1);
      return simpleClass + "." + testMethod + (testParameters == null ? "" : testParameters);
    }
    return testName;
  }
}
