package dev.codetracer.core.testing;

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
 * into {@link #log} (or {@code STANDIN_LOG}), and exits with the status it is told ({@code
 * STANDIN_RECORD_EXIT}, else the one it was made with, for {@code record}; {@code STANDIN_EXIT}
 * otherwise). For {@code record -o DIR} it creates DIR, as rr would, so the backend goes on to its
 * next command; with {@code STANDIN_SAY} set it also prints that text and what its stdin is on
 * stdout and stderr (where the output goes), with {@code STANDIN_RECORD_SECONDS} it takes that
 * long (a program that does not finish). It runs no program and records nothing: tests use it to
 * check the command lines a front end builds, never as a recording.
 *
 * <p>Shared by the modules' tests through codetracer-core's test jar.
 */
public final class StandInRr {
  public static final String LOG = "STANDIN_LOG";
  public static final String RECORD_EXIT = "STANDIN_RECORD_EXIT";
  public static final String EXIT = "STANDIN_EXIT";
  public static final String SAY = "STANDIN_SAY";
  public static final String RECORD_SECONDS = "STANDIN_RECORD_SECONDS";

  private static final String DEFAULT_NAME = "rr-stand-in";

  public final Path executable;
  public final Path log;

  private StandInRr(Path executable, Path log) {
    this.executable = executable;
    this.log = log;
  }

  /** {@code DIR/rr-stand-in}, whose {@code record} succeeds. */
  public static StandInRr create(Path dir) throws IOException {
    return create(dir, DEFAULT_NAME, 0);
  }

  /** @param recordExit the exit status of {@code rr record} (the pre-flight's probe too) */
  public static StandInRr create(Path dir, int recordExit) throws IOException {
    return create(dir, DEFAULT_NAME, recordExit);
  }

  public static StandInRr create(Path dir, String name) throws IOException {
    return create(dir, name, 0);
  }

  private static StandInRr create(Path dir, String name, int recordExit) throws IOException {
    Files.createDirectories(dir);
    Path executable = dir.resolve(name).toAbsolutePath();
    Path log = dir.resolve(name + ".log").toAbsolutePath();
    String script =
        "#!/bin/sh\n"
            + "log=\"${STANDIN_LOG:-" + log + "}\"\n"
            + "{ printf '%s' \"$0\"; for a in \"$@\"; do printf '\\t%s' \"$a\"; done; printf '\\n'; } >> \"$log\"\n"
            + "if [ \"$1\" = record ]; then\n"
            + "  if [ \"$2\" = -o ]; then mkdir -p \"$3\"; fi\n"
            + "  if [ -n \"$STANDIN_SAY\" ]; then\n"
            + "    echo \"stdout: $STANDIN_SAY; stdin: $(readlink /proc/$$/fd/0)\"\n"
            + "    echo \"stderr: $STANDIN_SAY\" >&2\n"
            + "  fi\n"
            + "  if [ -n \"$STANDIN_RECORD_SECONDS\" ]; then exec sleep \"$STANDIN_RECORD_SECONDS\"; fi\n"
            + "  exit \"${STANDIN_RECORD_EXIT:-" + recordExit + "}\"\n"
            + "fi\n"
            + "exit \"${STANDIN_EXIT:-0}\"\n";
    Files.writeString(executable, script, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new StandInRr(executable, log);
  }

  /** Each invocation's argv (argv[0] first). */
  public List<List<String>> invocations() throws IOException {
    List<List<String>> invocations = new ArrayList<>();
    if (!Files.exists(log)) {
      return invocations;
    }
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      invocations.add(Arrays.asList(line.split("\t", -1)));
    }
    return invocations;
  }

  /** Each invocation's arguments (without argv[0]). */
  public List<List<String>> calls() throws IOException {
    List<List<String>> calls = new ArrayList<>();
    for (List<String> argv : invocations()) {
      calls.add(argv.subList(1, argv.size()));
    }
    return calls;
  }
}
