package dev.codetracer.core.jvm;

import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.SourceCopier;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TracePathsFile;
import dev.codetracer.core.trace.JsonTraceWriter;
import dev.codetracer.core.trace.TraceEventWriter;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns the agent's change log in a recording folder into the finished recording: the event
 * stream ({@code trace.json}, or {@code trace.bin}), {@code trace_paths.json}, {@code
 * function_index.json}, {@code source/} copies and the JVM recorder's facts in the metadata. Works
 * on a log the agent finished and on one cut short by a killed JVM, and never on a log a live JVM
 * is still writing ({@link ChangeLog}). {@link #finish} removes the log once the stream is
 * written; {@link #expand} leaves that to its caller, after the metadata.
 */
public final class JvmTraceFinisher {
  public static final String LANGUAGE = "java";

  private JvmTraceFinisher() {}

  /**
   * Finishes the folder and removes its change log; returns what the expansion found.
   *
   * @throws ChangeLog.InUseException when a live JVM (or another finisher) holds the log
   */
  public static ExpansionResult finish(
      Path folder, TraceFormat format, ExpansionLimits limits, Path workdir, TraceMetadata metadata)
      throws IOException {
    try (ChangeLog log = openLog(folder)) {
      ExpansionResult result = expand(log, format, limits, workdir, metadata);
      log.delete();
      return result;
    }
  }

  /** The folder's change log, locked ({@link ChangeLog}). */
  public static ChangeLog openLog(Path folder) throws IOException {
    if (!Files.isRegularFile(folder.resolve(RawLog.FILE_NAME))) {
      throw new IOException("the JVM recorder left no change log in " + folder + " (did the agent start?)");
    }
    return ChangeLog.open(folder);
  }

  /**
   * Writes everything but the metadata file from the change log, which is kept: the caller removes
   * it once the metadata is written, so that a process killed in between leaves a folder that can
   * still be finished. Returns what the expansion found.
   */
  public static ExpansionResult expand(
      ChangeLog log, TraceFormat format, ExpansionLimits limits, Path workdir, TraceMetadata metadata)
      throws IOException {
    Path folder = log.file().getParent();
    ExpansionResult result;
    Path stream = folder.resolve(format == TraceFormat.BIN ? RecordingFolder.TRACE_BIN : RecordingFolder.TRACE_JSON);
    try (RawLogReader reader = log.reader()) {
      CountingOutputStream counted = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(stream), 1 << 16));
      try (TraceEventWriter writer = open(format, counted)) {
        StreamSize size = format == TraceFormat.BIN ? BinaryStreams.size(writer) : limit -> counted.count() >= limit;
        result = new TraceExpander(writer, size, limits).expand(reader);
      }
    }
    TracePathsFile.write(folder, result.paths());
    FunctionIndexFile.write(folder, functionIndex(result.methods()));
    List<String> sources = new ArrayList<>();
    for (RawDefinition.Method method : result.methods()) {
      if (method.sourceFound()) {
        sources.add(method.path());
      }
    }
    SourceCopier.copy(new LinkedHashSet<>(sources), workdir, folder);
    addFacts(metadata, result);
    return result;
  }

  private static TraceEventWriter open(TraceFormat format, OutputStream out) throws IOException {
    if (format == TraceFormat.BIN) {
      return BinaryStreams.open(out);
    }
    return new JsonTraceWriter(out);
  }

  static List<FunctionIndexEntry> functionIndex(Collection<RawDefinition.Method> methods) {
    List<FunctionIndexEntry> entries = new ArrayList<>(methods.size());
    for (RawDefinition.Method m : methods) {
      entries.add(
          new FunctionIndexEntry(
              m.name(), Descriptors.signature(m.methodName(), m.descriptor()), m.path(), m.line(), m.sourceFound()));
    }
    return entries;
  }

  /** The recorder's facts: the agent's, then what the expansion found. */
  static void addFacts(TraceMetadata metadata, ExpansionResult result) {
    metadata.language = LANGUAGE;
    for (Map.Entry<String, Object> fact : result.facts().entrySet()) {
      String key = fact.getKey();
      Object value = fact.getValue();
      switch (key) {
        case "java_version":
          metadata.javaVersion = String.valueOf(value);
          break;
        case "java_vendor":
          metadata.javaVendor = String.valueOf(value);
          break;
        case "redaction_pattern":
          metadata.redactionPattern = String.valueOf(value);
          break;
        case TraceExpander.OUTPUT_CHARSET:
        case TraceExpander.ERROR_CHARSET:
          break;
        default:
          metadata.put(key, value);
      }
    }
    metadata.steps = result.steps();
    metadata.truncated = result.truncated();
    if (result.truncated()) {
      metadata.truncationReason = result.truncationReason();
      metadata.truncatedAtStep = result.truncatedAtStep();
    }
    if (result.uncaughtException() != null) {
      metadata.put("uncaught_exception", result.uncaughtException());
    }
    if (result.logWasCut()) {
      metadata.put("recorder_killed", true);
    }
    if (result.failure() != null) {
      metadata.put("recorder_error", result.failure());
    }
    if (result.outputDropped() > 0) {
      metadata.put("output_dropped", result.outputDropped());
    }
    if (result.stepsAddedForOutput() > 0) {
      metadata.put("steps_added_for_output", result.stepsAddedForOutput());
    }
  }

  /** Counts the bytes of the stream file, for maxBytes. */
  private static final class CountingOutputStream extends FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    long count() {
      return count;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
