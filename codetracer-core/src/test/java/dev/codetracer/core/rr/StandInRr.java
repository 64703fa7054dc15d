package dev.codetracer.core.rr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A shell script in rr's place that only logs its argv, one invocation per line (tab-separated),
 * and exits with the status it is told ({@code STANDIN_RECORD_EXIT} for {@code record},
 * {@code STANDIN_EXIT} otherwise). For {@code record -o DIR} it creates DIR, as rr would, so the
 * backend goes on to its next command; with {@code STANDIN_SAY} set it also prints that text and
 * what its stdin is on stdout and stderr (where the output goes), with {@code
 * STANDIN_RECORD_SECONDS} it takes that long (a program that does not finish). It records
 * nothing: tests use it to check the command lines the backend builds, never as a recording.
 */
final class StandInRr {
  static final String LOG = "STANDIN_LOG";
  static final String RECORD_EXIT = "STANDIN_RECORD_EXIT";
  static final String EXIT = "STANDIN_EXIT";
  static final String SAY = "STANDIN_SAY";
  static final String RECORD_SECONDS = "STANDIN_RECORD_SECONDS";

  private static final String SCRIPT =
      "#!/bin/sh\n"
          + "{ printf '%s' \"$0\"; for a in \"$@\"; do printf '\\t%s' \"$a\"; done; printf '\\n'; } >> \"$STANDIN_LOG\"\n"
          + "if [ \"$1\" = record ]; then\n"
          + "  if [ \"$2\" = -o ]; then mkdir -p \"$3\"; fi\n"
          + "  if [ -n \"$STANDIN_SAY\" ]; then\n"
          + "    echo \"stdout: $STANDIN_SAY; stdin: $(readlink /proc/$$/fd/0)\"\n"
          + "    echo \"stderr: $STANDIN_SAY\" >&2\n"
          + "  fi\n"
          + "  if [ -n \"$STANDIN_RECORD_SECONDS\" ]; then exec sleep \"$STANDIN_RECORD_SECONDS\"; fi\n"
          + "  exit \"${STANDIN_RECORD_EXIT:-0}\"\n"
          + "fi\n"
          + "exit \"${STANDIN_EXIT:-0}\"\n";

  final Path executable;
  final Path log;

  private StandInRr(Path executable, Path log) {
    this.executable = executable;
    this.log = log;
  }

  static StandInRr create(Path dir, String name) throws IOException {
    Path executable = dir.resolve(name);
    Files.writeString(executable, SCRIPT, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new StandInRr(executable.toAbsolutePath(), dir.resolve(name + ".log").toAbsolutePath());
  }

  /** Each invocation's argv (argv[0] first). */
  List<List<String>> invocations() throws IOException {
    List<List<String>> invocations = new ArrayList<>();
    if (!Files.exists(log)) {
      return invocations;
    }
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      invocations.add(Arrays.asList(line.split("\t", -1)));
    }
    return invocations;
  }
}
