package dev.codetracer.maven;

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
 * into a log beside it, and exits with the status it was made with for {@code record} (0
 * otherwise). For {@code record -o DIR} it creates DIR, as rr would, so the backend goes on to
 * its next command. It runs no program and records nothing: the tests use it to check the
 * command lines the plugin has run, never as a recording.
 */
final class StandInRr {
  final Path executable;
  final Path log;

  private StandInRr(Path executable, Path log) {
    this.executable = executable;
    this.log = log;
  }

  /** @param recordExit the exit status of {@code rr record} (the pre-flight's probe too) */
  static StandInRr create(Path dir, int recordExit) throws IOException {
    Files.createDirectories(dir);
    Path executable = dir.resolve("rr-stand-in").toAbsolutePath();
    Path log = dir.resolve("rr-stand-in.log").toAbsolutePath();
    String script =
        "#!/bin/sh\n"
            + "{ printf '%s' \"$0\"; for a in \"$@\"; do printf '\\t%s' \"$a\"; done; printf '\\n'; } >> '" + log + "'\n"
            + "if [ \"$1\" = record ]; then\n"
            + "  if [ \"$2\" = -o ]; then mkdir -p \"$3\"; fi\n"
            + "  exit " + recordExit + "\n"
            + "fi\n"
            + "exit 0\n";
    Files.writeString(executable, script, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new StandInRr(executable, log);
  }

  /** Each invocation's arguments (without argv[0]). */
  List<List<String>> calls() throws IOException {
    List<List<String>> calls = new ArrayList<>();
    if (Files.exists(log)) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        List<String> argv = Arrays.asList(line.split("\t", -1));
        calls.add(argv.subList(1, argv.size()));
      }
    }
    return calls;
  }
}
