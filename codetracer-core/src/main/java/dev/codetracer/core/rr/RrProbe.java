package dev.codetracer.core.rr;

import dev.codetracer.core.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records {@code true} with rr into a temporary folder, removed afterwards: the only test that
 * catches what the kernel's files cannot tell (an unsupported CPU, ptrace forbidden, a counter
 * that exists but does not work).
 */
final class RrProbe {
  static final String TRACE_DIR_NAME = "probe-trace";
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final List<Path> TRUE_PROGRAMS = List.of(Path.of("/bin/true"), Path.of("/usr/bin/true"));

  private RrProbe() {}

  /** rr's own explanation when it cannot record here; empty when the probe recording worked. */
  static Optional<String> failure(RrExecutable rr, Map<String, String> environment) {
    Path program = TRUE_PROGRAMS.stream().filter(Files::isExecutable).findFirst().orElse(null);
    if (program == null) {
      return Optional.empty(); // nothing tiny to record with: let the real recording find out
    }
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("codetracer-rr-probe");
      Path trace = scratch.resolve(TRACE_DIR_NAME);
      ToolRun.Result result = ToolRun.run(RrCommand.record(rr.path(), trace, program, List.of()), environment, scratch, TIMEOUT);
      if (result.succeeded() && Files.isDirectory(trace) && !Files.exists(trace.resolve(RrTrace.INCOMPLETE_MARKER))) {
        return Optional.empty();
      }
      return Optional.of(result.complaint());
    } catch (IOException e) {
      return Optional.of("the probe recording failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while probing rr");
    } finally {
      if (scratch != null) {
        FileTrees.deleteQuietly(scratch);
      }
    }
  }
}
