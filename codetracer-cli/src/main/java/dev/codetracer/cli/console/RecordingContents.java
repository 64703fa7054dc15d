package dev.codetracer.cli.console;

import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One line saying what a recording folder holds: its payload, sources and functions. */
public final class RecordingContents {
  private RecordingContents() {}

  /**
   * What a recording did not capture, one line each, for after {@link #describe}: the end of a
   * run cut short by a cap, methods too large to record, and the other threads of a JVM (one
   * thread is recorded).
   */
  public static List<String> omissions(RecordingFolder recording) {
    TraceMetadata metadata = recording.metadata();
    List<String> lines = new ArrayList<>();
    List<String> tooLarge = metadata.tooLargeToRecord();
    if (metadata.steps != null && metadata.steps == 0 && "jvm".equals(metadata.backend)) {
      lines.add("no recorded code ran: the JVM ended before the program's main method ran, or the recorder's filters exclude all of it"
          + (tooLarge.isEmpty() ? "" : ", or it was too large to record"));
    }
    if (!tooLarge.isEmpty()) {
      lines.add("not recorded, too large with the recorder's probes (64 KiB of code at most): " + String.join(", ", tooLarge));
    }
    if (Boolean.TRUE.equals(metadata.truncated)) {
      lines.add("cut short at step " + metadata.truncatedAtStep + ": " + metadata.truncationReason + " reached");
    }
    int others = metadata.threadsUnrecordedCount();
    if (others > 0) {
      List<String> names = metadata.threadsUnrecorded();
      lines.add(plural(others, "other thread") + " ran unrecorded (" + String.join(", ", names)
          + (names.size() < others ? ", ..." : "") + "): the recorder follows one thread");
    }
    return lines;
  }

  public static String describe(RecordingFolder recording) {
    List<String> parts = new ArrayList<>();
    Path folder = recording.path();
    switch (recording.payload()) {
      case RR:
        parts.add("rr/ (packed rr trace, " + HumanSizes.format(RecordingFolder.sizeOf(folder.resolve("rr"))) + ")");
        break;
      default:
        Path stream = recording.eventStream();
        Long steps = recording.metadata().steps;
        parts.add(stream.getFileName() + " (" + HumanSizes.format(sizeOf(stream)) + (steps == null ? "" : ", " + plural(steps, "step")) + ")");
    }
    recording.sourceRoot().ifPresent(root -> parts.add(folder.relativize(root) + "/ (" + plural(countFiles(root), "source file") + ")"));
    parts.add(FunctionIndexFile.NAME + " (" + plural(FunctionIndexFile.read(folder).size(), "function") + ")");
    parts.add("trace_metadata.json");
    return String.join(", ", parts);
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static long countFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      return 0;
    }
  }
}
