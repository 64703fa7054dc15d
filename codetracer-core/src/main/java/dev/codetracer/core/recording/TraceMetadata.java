package dev.codetracer.core.recording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code trace_metadata.json}: one flat object, documented key by key in {@code
 * docs/trace-metadata.md}. CodeTracer itself reads {@code recording_id}, {@code program}, {@code
 * args} and {@code workdir}; the other keys are what a user needs to find and understand a
 * recording. Keys this version does not know are kept and written back unchanged. {@link
 * MetadataKeys} maps the fields to their keys.
 */
public final class TraceMetadata {
  /** The {@code format_version} this version writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  public Integer formatVersion;
  public String recordingId;
  public String program;
  public List<String> args = new ArrayList<>();
  public String workdir;

  public String backend;
  public String language;
  public String recorderName;
  public String recorderVersion;
  /** The codetracer-java that made or finished the recording. */
  public String codetracerVersion;
  /** ISO-8601 UTC, e.g. {@code 2026-11-28T07:17:35.123Z}. */
  public String startTime;
  public Long durationMs;
  public Integer exitCode;
  /** The signal that ended the program (e.g. {@code SIGKILL}), when one did. */
  public String signal;

  public String hostOs;
  public String hostArch;
  public String hostName;
  public String cpuModel;
  public String user;
  public String javaVersion;
  public String javaVendor;
  public String compiler;

  public String testId;
  public String testName;
  public String testClass;
  public String testMethod;
  public String testParameters;
  public String testOutcome;
  public String failureType;
  public String failureMessage;
  public String failureStack;
  public String recordMode;
  public Boolean reproduced;

  public Long steps;
  public Boolean truncated;
  public String truncationReason;
  public Long truncatedAtStep;
  public String redactionPattern;

  private final Map<String, Object> extra = new LinkedHashMap<>();

  public void put(String key, Object value) {
    extra.put(key, value);
  }

  /** Keys outside the typed fields: facts of one backend, or keys of a newer codetracer. */
  public Map<String, Object> extra() {
    return extra;
  }

  /**
   * What the JVM recorder left as it was because its probes would have made it too large for the
   * class file format: entries of {@code methods_not_instrumented} and {@code
   * classes_not_instrumented} ({@code Name: too large with probes}), by name.
   */
  public List<String> tooLargeToRecord() {
    List<String> names = new ArrayList<>();
    for (String key : List.of("methods_not_instrumented", "classes_not_instrumented")) {
      if (extra.get(key) instanceof List<?> entries) {
        for (Object entry : entries) {
          String text = String.valueOf(entry);
          if (text.endsWith(TOO_LARGE)) {
            names.add(text.substring(0, text.length() - TOO_LARGE.length()));
          }
        }
      }
    }
    return names;
  }

  /** How the JVM recorder says that a method or class was too large for its probes. */
  public static final String TOO_LARGE = ": too large with probes";

  /**
   * {@code threads_unrecorded}: the threads the JVM recorder saw run recorded code besides the one
   * it recorded (what they ran is not in the recording); empty when there were none, or for
   * another backend.
   */
  public List<String> threadsUnrecorded() {
    return extra.get("threads_unrecorded") instanceof List<?> names
        ? names.stream().map(String::valueOf).toList()
        : List.of();
  }

  /**
   * How many threads {@link #threadsUnrecorded} stands for: the JVM recorder names the first few
   * and counts the rest ({@code threads_unrecorded_count}).
   */
  public int threadsUnrecordedCount() {
    int named = threadsUnrecorded().size();
    return extra.get("threads_unrecorded_count") instanceof Number count ? Math.max(named, count.intValue()) : named;
  }

  /** True when written by another CodeTracer recorder, which writes no {@code format_version}. */
  public boolean isForeign() {
    return formatVersion == null;
  }

  public boolean isTest() {
    return testId != null || testName != null;
  }

  /** Parameters as written after a method's name: as they are when bracketed ({@code (2, 4)}, {@code [1] 2, 4}), else in brackets. */
  private static String parametersLabel(String parameters) {
    return parameters.startsWith("(") || parameters.startsWith("[") ? parameters : "[" + parameters + "]";
  }

  /** A display name for a test: its name when it has one, else class and method. */
  public String testLabel() {
    if (testClass != null && testMethod != null) {
      String simpleClass = testClass.substring(testClass.lastIndexOf('.') + 1);
      return simpleClass + "." + testMethod + (testParameters == null ? "" : parametersLabel(testParameters));
    }
    return testName;
  }
}
