package dev.codetracer.junit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A shell script in rr's place that only logs its argv (one invocation per line, tab-separated,
 * into {@code STANDIN_LOG}). For {@code record -o DIR} it creates DIR, as rr would, so the
 * backend goes on to its next command, and prints {@code STANDIN_SAY} and what its stdin is on
 * stdout and stderr, to show where rr's output goes. It runs nothing and records nothing: the
 * tests use it to check the command lines the extension builds, never as a recording.
 */
public final class StandInRr {
  public static final String LOG = "STANDIN_LOG";
  public static final String SAY = "STANDIN_SAY";

  private static final String SCRIPT =
      "#!/bin/sh\n"
          + "{ printf '%s' \"$0\"; for a in \"$@\"; do printf '\\t%s' \"$a\"; done; printf '\\n'; } >> \"$STANDIN_LOG\"\n"
          + "if [ \"$1\" = record ]; then\n"
          + "  if [ \"$2\" = -o ]; then mkdir -p \"$3\"; fi\n"
          + "  if [ -n \"$STANDIN_SAY\" ]; then\n"
          + "    echo \"stdout: $STANDIN_SAY; stdin: $(readlink /proc/$$/fd/0)\"\n"
          + "    echo \"stderr: $STANDIN_SAY\" >&2\n"
          + "  fi\n"
          + "fi\n"
          + "exit 0\n";

  public final Path executable;
  public final Path log;

  private StandInRr(Path executable, Path log) {
    this.executable = executable;
    this.log = log;
  }

  public static StandInRr create(Path dir) {
    try {
      Files.createDirectories(dir);
      Path executable = dir.resolve("rr-stand-in");
      Files.writeString(executable, SCRIPT, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
      return new StandInRr(executable.toAbsolutePath(), dir.resolve("rr-stand-in.log").toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each invocation's argv (argv[0] first). */
  public List<List<String>> invocations() {
    List<List<String>> invocations = new ArrayList<>();
    try {
      if (Files.exists(log)) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          invocations.add(Arrays.asList(line.split("\t", -1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return invocations;
  }
}
