package dev.codetracer.core.rr;

import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.RecorderUnavailableException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything that must hold before the user's program runs under rr: the program can start, rr
 * is there and runs, and rr can use the hardware performance counters. Leaves nothing behind.
 */
final class RrPreflight {
  /** What the checks found, for the recording itself. */
  record Setup(Path program, RrExecutable rr) {}

  private final PerfCounterAccess counters;

  RrPreflight(PerfCounterAccess counters) {
    this.counters = counters;
  }

  /**
   * @throws RecorderUnavailableException naming the cause and what the user can do instead
   */
  Setup check(RecordRequest request) {
    Path program = NativeProgram.resolve(request.program(), request.workdir(), request.environment());
    RrExecutable rr = RrLocator.locate(request);
    Optional<String> kernelSays = counters.problem();
    // An rr chosen with --rr / CODETRACER_RR may not need the hardware counters at all (a build
    // with software counters), so for it only the probe recording decides.
    if (kernelSays.isPresent() && !rr.explicitlyChosen()) {
      throw new RecorderUnavailableException(kernelSays.get());
    }
    Optional<String> rrSays = RrProbe.failure(rr, request.environment());
    if (rrSays.isPresent()) {
      if (!rr.explicitlyChosen()) {
        throw new RecorderUnavailableException(
            "rr cannot record on this machine: " + rrSays.get() + "; " + RrMessages.ALTERNATIVES);
      }
      throw new RecorderUnavailableException(
          "rr at " + rr.path() + " (given with " + rr.origin() + ") cannot record on this machine: " + rrSays.get()
              + "; " + kernelSays.orElse(RrMessages.ALTERNATIVES));
    }
    return new Setup(program, rr);
  }
}
