package dev.codetracer.core.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys of {@code trace_metadata.json} this version knows, in the order it writes them: each
 * with its JSON type and the field of {@link TraceMetadata} that holds it.
 */
final class MetadataKeys {
  /** A key's JSON type, and how a parsed JSON value becomes the field's Java value. */
  enum Type {
    STRING("a string"),
    INTEGER("a number"),
    LONG("a number"),
    BOOLEAN("true or false"),
    STRINGS("an array");

    final String description;

    Type(String description) {
      this.description = description;
    }
  }

  /** One known key. */
  record Key(String name, Type type, Function<TraceMetadata, Object> get, BiConsumer<TraceMetadata, Object> set) {}

  /** What CodeTracer itself needs in every recording, ours or another recorder's. */
  static final List<String> REQUIRED = List.of("program", "args", "workdir");

  static final List<Key> KEYS =
      List.of(
          integer("format_version", m -> m.formatVersion, (m, v) -> m.formatVersion = v),
          string("recording_id", m -> m.recordingId, (m, v) -> m.recordingId = v),
          string("program", m -> m.program, (m, v) -> m.program = v),
          strings("args", m -> m.args, (m, v) -> m.args = v),
          string("workdir", m -> m.workdir, (m, v) -> m.workdir = v),
          string("backend", m -> m.backend, (m, v) -> m.backend = v),
          string("language", m -> m.language, (m, v) -> m.language = v),
          string("recorder_name", m -> m.recorderName, (m, v) -> m.recorderName = v),
          string("recorder_version", m -> m.recorderVersion, (m, v) -> m.recorderVersion = v),
          string("start_time", m -> m.startTime, (m, v) -> m.startTime = v),
          whole("duration_ms", m -> m.durationMs, (m, v) -> m.durationMs = v),
          integer("exit_code", m -> m.exitCode, (m, v) -> m.exitCode = v),
          string("signal", m -> m.signal, (m, v) -> m.signal = v),
          string("codetracer_version", m -> m.codetracerVersion, (m, v) -> m.codetracerVersion = v),
          string("host_os", m -> m.hostOs, (m, v) -> m.hostOs = v),
          string("host_arch", m -> m.hostArch, (m, v) -> m.hostArch = v),
          string("host_name", m -> m.hostName, (m, v) -> m.hostName = v),
          string("cpu_model", m -> m.cpuModel, (m, v) -> m.cpuModel = v),
          string("user", m -> m.user, (m, v) -> m.user = v),
          string("java_version", m -> m.javaVersion, (m, v) -> m.javaVersion = v),
          string("java_vendor", m -> m.javaVendor, (m, v) -> m.javaVendor = v),
          string("compiler", m -> m.compiler, (m, v) -> m.compiler = v),
          string("test_id", m -> m.testId, (m, v) -> m.testId = v),
          string("test_name", m -> m.testName, (m, v) -> m.testName = v),
          string("test_class", m -> m.testClass, (m, v) -> m.testClass = v),
          string("test_method", m -> m.testMethod, (m, v) -> m.testMethod = v),
          string("test_parameters", m -> m.testParameters, (m, v) -> m.testParameters = v),
          string("test_outcome", m -> m.testOutcome, (m, v) -> m.testOutcome = v),
          string("failure_type", m -> m.failureType, (m, v) -> m.failureType = v),
          string("failure_message", m -> m.failureMessage, (m, v) -> m.failureMessage = v),
          string("failure_stack", m -> m.failureStack, (m, v) -> m.failureStack = v),
          string("record_mode", m -> m.recordMode, (m, v) -> m.recordMode = v),
          bool("reproduced", m -> m.reproduced, (m, v) -> m.reproduced = v),
          whole("steps", m -> m.steps, (m, v) -> m.steps = v),
          bool("truncated", m -> m.truncated, (m, v) -> m.truncated = v),
          string("truncation_reason", m -> m.truncationReason, (m, v) -> m.truncationReason = v),
          whole("truncated_at_step", m -> m.truncatedAtStep, (m, v) -> m.truncatedAtStep = v),
          string("redaction_pattern", m -> m.redactionPattern, (m, v) -> m.redactionPattern = v));

  static final Map<String, Key> BY_NAME = KEYS.stream().collect(Collectors.toUnmodifiableMap(Key::name, key -> key));

  private MetadataKeys() {}

  private static Key string(String name, Function<TraceMetadata, String> get, BiConsumer<TraceMetadata, String> set) {
    return new Key(name, Type.STRING, get::apply, (m, v) -> set.accept(m, (String) v));
  }

  private static Key integer(String name, Function<TraceMetadata, Integer> get, BiConsumer<TraceMetadata, Integer> set) {
    return new Key(name, Type.INTEGER, get::apply, (m, v) -> set.accept(m, ((Number) v).intValue()));
  }

  private static Key whole(String name, Function<TraceMetadata, Long> get, BiConsumer<TraceMetadata, Long> set) {
    return new Key(name, Type.LONG, get::apply, (m, v) -> set.accept(m, ((Number) v).longValue()));
  }

  private static Key bool(String name, Function<TraceMetadata, Boolean> get, BiConsumer<TraceMetadata, Boolean> set) {
    return new Key(name, Type.BOOLEAN, get::apply, (m, v) -> set.accept(m, (Boolean) v));
  }

  @SuppressWarnings("unchecked")
  private static Key strings(String name, Function<TraceMetadata, List<String>> get, BiConsumer<TraceMetadata, List<String>> set) {
    return new Key(name, Type.STRINGS, get::apply, (m, v) -> set.accept(m, new ArrayList<>((List<String>) v)));
  }
}
