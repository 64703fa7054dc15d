package dev.codetracer.agent.output;

import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.jvm.AgentOptions;
import dev.codetracer.core.jvm.ExpansionLimits;
import dev.codetracer.core.jvm.JvmTraceFinisher;
import dev.codetracer.core.jvm.RawLog;
import dev.codetracer.core.jvm.TraceExpander;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * What happens to a recording's folder around the change log: the facts the agent knows at the
 * start, and at the end either the finished recording (stream, paths, function index, sources,
 * metadata) or, under {@code codetracer record}, the change log alone for it to finish.
 */
public final class RecordingFinisher {
  private final AgentOptions options;
  private final String outputCharset;
  private final String errorCharset;

  /**
   * @param outputCharset the charset of standard output
   * @param errorCharset the charset of standard error
   */
  public RecordingFinisher(AgentOptions options, String outputCharset, String errorCharset) {
    this.options = options;
    this.outputCharset = outputCharset;
    this.errorCharset = errorCharset;
  }

  public void started(Path folder, BiConsumer<String, Object> facts) {
    facts.accept("java_version", System.getProperty("java.version"));
    facts.accept("java_vendor", System.getProperty("java.vendor"));
    facts.accept("java_home", System.getProperty("java.home"));
    facts.accept("redaction_pattern", options.redact() == null ? "none" : options.redact().pattern());
    facts.accept(TraceExpander.OUTPUT_CHARSET, outputCharset);
    facts.accept(TraceExpander.ERROR_CHARSET, errorCharset);
    facts.accept("values", options.values() ? "full" : "none");
    facts.accept("value_depth", options.depth());
  }

  /** A recording that is not kept: remove what it wrote. */
  public void discard(Path folder, boolean createdFolder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    Files.deleteIfExists(folder.resolve(RawLog.FILE_NAME));
    if (createdFolder) {
      try (var entries = Files.list(folder)) {
        if (entries.findAny().isEmpty()) {
          Files.delete(folder);
        }
      }
    }
  }

  /**
   * A kept recording that could not be finished (a full disk): what it wrote is removed, so that
   * no half-written folder looks like a recording. It was empty when the recording started, so
   * everything in it is the recording's; the folder itself goes too when the recording made it.
   * Under {@code codetracer record}, which finishes the recording, the folder is left to it.
   */
  public void abandon(Path folder, boolean createdFolder) {
    if (options.finish() == AgentOptions.Finish.EXTERNAL) {
      return;
    }
    if (createdFolder) {
      FileTrees.deleteQuietly(folder);
      return;
    }
    try (var entries = Files.list(folder)) {
      entries.forEach(FileTrees::deleteQuietly);
    } catch (IOException | RuntimeException e) {
      // left as it is: the failure that brought us here is what is reported
    }
  }

  /** @param exitCode the status the JVM ends with, when the agent knows it ({@code Runtime.halt}'s), else null */
  public void finish(Path folder, String name, Instant start, Integer exitCode) throws IOException {
    if (options.finish() == AgentOptions.Finish.EXTERNAL) {
      return;
    }
    TraceMetadata metadata = AgentMetadata.base(folder, name, start);
    JvmTraceFinisher.finish(
        folder,
        TraceFormat.JSON,
        new ExpansionLimits(options.maxSteps(), options.maxEvents(), options.maxBytes()),
        Path.of(metadata.workdir),
        metadata);
    metadata.durationMs = Duration.between(start, Instant.now()).toMillis();
    metadata.exitCode = exitCode;
    TraceMetadataFile.write(folder, metadata);
  }
}
