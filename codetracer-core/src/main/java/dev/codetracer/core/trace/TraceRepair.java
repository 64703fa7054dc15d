package dev.codetracer.core.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Makes a stream loadable again after the recorded process was killed (SIGKILL) while writing it,
 * or when its writer never closed it: {@code trace.json} keeps every complete event and gets its
 * closing bracket; {@code trace.bin} keeps every complete frame and gets a fresh seek table. Only
 * bytes after the last complete event are removed. A complete file is left untouched, so repairing
 * twice is the same as repairing once. A file damaged elsewhere than at its end is refused.
 */
public final class TraceRepair {
  private TraceRepair() {}

  public static RepairReport repair(Path file) {
    TraceFileFormat format = TraceFileFormat.detect(file);
    try {
      return format == TraceFileFormat.JSON ? JsonTraceRepair.repair(file) : BinTraceRepair.repair(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot repair " + file + ": " + e.getMessage(), e);
    }
  }
}
