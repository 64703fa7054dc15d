package dev.codetracer.cli.commands;

import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.RecorderUnavailableException;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.rr.RrRecorder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Picks how {@code codetracer run} opens a recording, and says why: CodeTracer's own app when
 * {@code ct} is installed, {@code rr replay} for an rr recording where rr can replay, otherwise
 * the web viewer ({@code codetracer host --open}).
 */
final class BestViewer {
  /** What to run, and the reason to print. An empty command means: the built-in web viewer. */
  record Choice(List<String> command, String reason) {
    boolean isWebViewer() {
      return command.isEmpty();
    }
  }

  private final Map<String, String> environment;
  /** Why rr cannot replay here (empty when it can); the rr backend's own pre-flight by default. */
  private final Function<RecordingFolder, Optional<String>> rrProblem;

  BestViewer(Map<String, String> environment, Function<RecordingFolder, Optional<String>> rrProblem) {
    this.environment = environment;
    this.rrProblem = rrProblem;
  }

  static BestViewer ofThisMachine() {
    Map<String, String> environment = System.getenv();
    return new BestViewer(environment, folder -> rrPreflight(folder, environment));
  }

  Choice choose(RecordingFolder folder) {
    Optional<Path> ct = onPath("ct");
    if (ct.isPresent()) {
      return new Choice(List.of(ct.get().toString(), "replay", "--trace-folder=" + folder.path()),
          "CodeTracer is installed (" + ct.get() + ")");
    }
    if (folder.payload() == RecordingFolder.Payload.RR) {
      Optional<String> problem = rrProblem.apply(folder);
      if (problem.isEmpty()) {
        String rr = onPath("rr").map(Path::toString).orElse("rr");
        return new Choice(List.of(rr, "replay", folder.path().resolve(RecordingFolder.RR_DIR).toString()),
            "an rr recording, CodeTracer (ct) is not installed, and rr can replay on this machine");
      }
      return new Choice(List.of(), "an rr recording, but CodeTracer (ct) is not installed and rr cannot replay here ("
          + problem.get() + "); the web viewer shows its sources, function index and replay command");
    }
    return new Choice(List.of(), "CodeTracer (ct) is not installed, so the built-in web viewer");
  }

  /** The rr backend's pre-flight (rr present, counters usable, a probe recording works). */
  private static Optional<String> rrPreflight(RecordingFolder folder, Map<String, String> environment) {
    RecordRequest probe = new RecordRequest(List.of("true"), Path.of("").toAbsolutePath(), folder.path(), environment,
        null, null, false, null);
    try {
      new RrRecorder().checkUsable(probe);
      return Optional.empty();
    } catch (RecorderUnavailableException e) {
      return Optional.of(e.getMessage());
    }
  }

  private Optional<Path> onPath(String program) {
    for (String directory : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!directory.isEmpty()) {
        Path candidate = Path.of(directory, program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
