package dev.codetracer.core.rr;

import dev.codetracer.core.record.ProgramExit;
import dev.codetracer.core.record.SignalNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/** Facts about an rr trace directory that the backend needs after {@code rr record}. */
final class RrTrace {
  /** rr creates this file first and removes it when the trace is closed properly. */
  static final String INCOMPLETE_MARKER = "incomplete";

  private RrTrace() {}

  /** True when rr finished writing the trace (it exists and has no {@code incomplete} marker). */
  static boolean isComplete(Path traceDir) {
    return Files.isDirectory(traceDir) && !Files.exists(traceDir.resolve(INCOMPLETE_MARKER));
  }

  /**
   * The exit status of the recorded (first) process from {@code rr ps} output: its exit code,
   * or minus the signal that killed it. rr prints {@code PID PPID EXIT CMD}, tab-separated, the
   * recorded program first.
   */
  static OptionalInt firstProcessExit(String psOutput) {
    for (String line : psOutput.split("\\R")) {
      String[] columns = line.split("\t");
      if (columns.length < 3 || columns[0].equals("PID")) {
        continue;
      }
      try {
        return OptionalInt.of(Integer.parseInt(columns[2].strip()));
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  /**
   * How the program ended, from rr's exit status and, when that could mean a signal (above 128,
   * as shells report it), what the trace says about it.
   *
   * @param psExit the first process's exit from {@link #firstProcessExit}, when known
   */
  static ProgramExit programExit(int rrExitStatus, OptionalInt psExit) {
    if (rrExitStatus > 128 && psExit.isPresent() && psExit.getAsInt() < 0) {
      int signal = -psExit.getAsInt();
      return new ProgramExit(128 + signal, SignalNames.name(signal));
    }
    return ProgramExit.exited(rrExitStatus);
  }
}
