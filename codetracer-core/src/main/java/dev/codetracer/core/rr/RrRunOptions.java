package dev.codetracer.core.rr;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code rr record} and the program it records run.
 *
 * <p>{@link #TERMINAL} (what {@code codetracer record --backend rr} uses): with the user's
 * terminal, stdin, stdout and stderr passed through, as long as the program takes.
 *
 * <p>{@link #toLog}: detached, for front ends whose own streams are a reporting channel (a test
 * JVM under Surefire, whose stdout and stderr Surefire parses; a Maven build's log): stdin is
 * empty, whatever rr and the recorded program print goes to {@code log}, and after {@code
 * timeout} rr is stopped and there is no recording.
 *
 * @param log the file that receives rr's and the program's output, or null for the terminal
 * @param timeout how long the recorded program may run, or null for no limit
 */
public record RrRunOptions(Path log, Duration timeout) {
  public static final RrRunOptions TERMINAL = new RrRunOptions(null, null);

  public static RrRunOptions toLog(Path log, Duration timeout) {
    if (log == null) {
      throw new IllegalArgumentException("toLog needs a log file");
    }
    return new RrRunOptions(log.toAbsolutePath().normalize(), timeout);
  }

  public boolean terminal() {
    return log == null;
  }
}
