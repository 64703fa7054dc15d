package dev.codetracer.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs a test stops with Ctrl-C (SIGINT) must get it as a terminal gives it. Maven run as a
 * background job of a non-interactive shell ({@code mvn verify &}, {@code nohup}) has SIGINT
 * ignored, and every program it starts inherits that: such a program never sees the signal. Here
 * it is started with SIGINT back at its default disposition, through {@code env
 * --default-signal=INT} (GNU coreutils 8.31 and later).
 */
public final class DefaultSigint {
  public static final List<String> ENV_PREFIX = List.of("env", "--default-signal=INT");
  /** SIGINT's bit in {@code /proc/self/status}'s {@code SigIgn} mask. */
  private static final long SIGINT_BIT = 1L << (2 - 1);

  private DefaultSigint() {}

  /** Whether this JVM inherited SIGINT as ignored, as the programs it starts would. */
  public static boolean ignoredHere() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & SIGINT_BIT) != 0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no procfs: a terminal's default is assumed
    }
    return false;
  }

  /**
   * The command as it is, or, where this JVM ignores SIGINT, run with SIGINT at its default;
   * skips the calling test, printing why, when {@code env} cannot do that.
   */
  public static List<String> command(List<String> command) {
    if (!ignoredHere()) {
      return command;
    }
    try {
      if (new ProcessBuilder(concat(ENV_PREFIX, List.of("true"))).inheritIO().start().waitFor() != 0) {
        skip();
      }
    } catch (IOException e) {
      skip();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      skip();
    }
    return concat(ENV_PREFIX, command);
  }

  private static void skip() {
    String reason = "this JVM inherited SIGINT as ignored, and `env --default-signal` is missing to start a program that did not";
    System.out.println("skipped: " + reason);
    Assumptions.abort(reason);
  }

  public static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
