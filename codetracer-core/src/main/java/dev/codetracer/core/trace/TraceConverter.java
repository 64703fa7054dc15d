package dev.codetracer.core.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Turns {@code trace.json} into {@code trace.bin} and back, one event at a time. The target is
 * written to a temporary sibling and moved into place when complete; an existing target is never
 * overwritten.
 */
public final class TraceConverter {
  private TraceConverter() {}

  /**
   * Converts {@code source} into {@code target}, whose format its name gives ({@code .json} or
   * {@code .bin}). Returns the number of events.
   */
  public static long convert(Path source, Path target) {
    TraceFileFormat format = TraceFileFormat.byName(target);
    if (format == null) {
      throw new InvalidTraceException("cannot tell the format of " + target + ": name it *.json or *.bin");
    }
    return convert(source, target, format);
  }

  public static long convert(Path source, Path target, TraceFileFormat targetFormat) {
    if (Files.exists(target)) {
      throw new InvalidTraceException(target + " already exists; not overwriting it");
    }
    Path temporary = target.resolveSibling(target.getFileName() + ".converting");
    try {
      long events;
      try (TraceReader reader = TraceReader.open(source);
          TraceEventWriter writer = createWriter(temporary, targetFormat)) {
        events = copy(reader, writer);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /** Writes every remaining event of {@code reader} to {@code writer}; returns how many. */
  public static long copy(TraceReader reader, TraceEventWriter writer) throws IOException {
    long events = 0;
    while (reader.hasNext()) {
      writer.write(reader.next());
      events++;
    }
    return events;
  }

  static TraceEventWriter createWriter(Path file, TraceFileFormat format) throws IOException {
    return format == TraceFileFormat.JSON ? JsonTraceWriter.create(file) : BinTraceWriter.create(file);
  }

  private static void deleteQuietly(Path temporary) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // only our own temporary file; a leftover is harmless and named as ours
    }
  }
}
