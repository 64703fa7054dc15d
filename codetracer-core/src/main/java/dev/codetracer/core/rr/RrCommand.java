package dev.codetracer.core.rr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rr command lines the backend runs, in one place so they can be checked exactly. */
final class RrCommand {
  private RrCommand() {}

  static List<String> version(Path rr) {
    return List.of(rr.toString(), "--version");
  }

  /** {@code rr record -o TRACE program args...}; rr refuses a TRACE that already exists. */
  static List<String> record(Path rr, Path traceDir, Path program, List<String> args) {
    List<String> command = new ArrayList<>(List.of(rr.toString(), "record", "-o", traceDir.toString(), program.toString()));
    command.addAll(args);
    return command;
  }

  /** Copies every mapped binary into the trace, so it replays on another machine. */
  static List<String> pack(Path rr, Path traceDir) {
    return List.of(rr.toString(), "pack", traceDir.toString());
  }

  /** Lists, as JSON, the source files named in the debug info of the trace's binaries. */
  static List<String> sources(Path rr, Path traceDir) {
    return List.of(rr.toString(), "sources", traceDir.toString());
  }

  /** Like {@link #sources}, for binaries given explicitly; needs no recording. */
  static List<String> explicitSources(Path rr, List<Path> binaries) {
    List<String> command = new ArrayList<>(List.of(rr.toString(), "explicit-sources"));
    binaries.forEach(binary -> command.add(binary.toString()));
    return command;
  }

  /** Lists the trace's processes with their exit status (negative: killed by that signal). */
  static List<String> ps(Path rr, Path traceDir) {
    return List.of(rr.toString(), "ps", traceDir.toString());
  }

  /** Replays the whole trace without a debugger attached ({@code -a}: autopilot). */
  static List<String> replayToEnd(Path rr, Path traceDir) {
    return List.of(rr.toString(), "replay", "-a", traceDir.toString());
  }
}
