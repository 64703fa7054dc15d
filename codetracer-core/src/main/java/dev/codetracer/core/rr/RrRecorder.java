package dev.codetracer.core.rr;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.record.InterruptShield;
import dev.codetracer.core.record.ProgramExit;
import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.Recorder;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The rr backend: records a native program with {@code rr record}, packs the trace so it
 * replays elsewhere ({@code rr pack}), and adds the sources and function index CodeTracer shows.
 * By default the program has the user's terminal; {@link RrRunOptions#toLog} detaches it (its
 * output and rr's to a log file, a time limit) for front ends that run inside a test run.
 */
public final class RrRecorder implements Recorder {
  public static final String NAME = "rr";
  static final String RR_VERSION = "rr_version";
  static final String RR_EXECUTABLE = "rr_executable";
  static final String SOURCES_ERROR = "sources_error";
  private static final Duration PS_TIMEOUT = Duration.ofMinutes(1);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final RrPreflight preflight;
  private final RrRunOptions run;

  /** Records with the user's terminal ({@link RrRunOptions#TERMINAL}). */
  public RrRecorder() {
    this(RrRunOptions.TERMINAL);
  }

  /** Records as {@code run} says: with the terminal, or with the output to a log file. */
  public RrRecorder(RrRunOptions run) {
    this(new RrPreflight(PerfCounterAccess.ofThisMachine()), run);
  }

  RrRecorder(RrPreflight preflight) {
    this(preflight, RrRunOptions.TERMINAL);
  }

  RrRecorder(RrPreflight preflight, RrRunOptions run) {
    this.preflight = preflight;
    this.run = run;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Native programs: ELF executables other than the JDK's launchers (the JVM recorder's). */
  @Override
  public boolean handles(List<String> command) {
    if (command.isEmpty()) {
      return false;
    }
    Path workdir = Path.of("").toAbsolutePath();
    try {
      Path program = NativeProgram.resolve(command.get(0), workdir, System.getenv());
      return NativeProgram.isElf(program) && !NativeProgram.isJvmLauncher(program);
    } catch (CodeTracerException e) {
      return false;
    }
  }

  @Override
  public void checkUsable(RecordRequest request) {
    preflight.check(request);
  }

  @Override
  public ProgramExit record(RecordRequest request, TraceMetadata metadata) throws IOException, InterruptedException {
    Path program = NativeProgram.resolve(request.program(), request.workdir(), request.environment());
    RrExecutable rr = RrLocator.locate(request);
    metadata.program = program.toString();
    metadata.recorderName = NAME;
    metadata.recorderVersion = rr.version();
    metadata.put(RR_VERSION, rr.version());
    metadata.put(RR_EXECUTABLE, rr.path().toString());

    Path traceDir = request.folder().resolve(RecordingFolder.RR_DIR);
    int rrStatus = runRecord(RrCommand.record(rr.path(), traceDir, program, request.args()), request, traceDir);
    if (!RrTrace.isComplete(traceDir)) {
      FileTrees.deleteQuietly(traceDir);
      throw new CodeTracerException(
          "rr record failed (exit status " + rrStatus + ") and wrote no complete trace" + rrSaid());
    }
    ProgramExit exit = RrTrace.programExit(rrStatus, rrStatus > 128 ? psExit(rr, traceDir, request) : OptionalInt.empty());

    ToolRun.Result pack = ToolRun.run(RrCommand.pack(rr.path(), traceDir), request.environment(), request.workdir(), null);
    if (!pack.succeeded()) {
      throw new CodeTracerException(
          "rr pack failed, so the trace would not replay on another machine: " + pack.complaint());
    }

    List<String> sources = listSources(rr, traceDir, program, request.environment(), metadata);
    SourceAndSymbolCapture.capture(request.folder(), sources, program, request.workdir(), request.systemSources(), metadata);
    return exit;
  }

  /**
   * Runs {@code rr record}: with the user's terminal (stdin, stdout and stderr untouched), or
   * detached with its output to the log file and within the time limit.
   */
  private int runRecord(List<String> command, RecordRequest request, Path traceDir) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(request.workdir().toFile());
    if (run.terminal()) {
      builder.inheritIO();
    } else {
      Files.createDirectories(run.log().getParent());
      builder
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(run.log().toFile()))
          .redirectErrorStream(true);
    }
    builder.environment().clear();
    builder.environment().putAll(request.environment());
    // Ctrl-C is meant for a program in the foreground only; a detached one is not in it
    InterruptShield shield = run.terminal() ? InterruptShield.raise() : null;
    try {
      Process rr = builder.start();
      try {
        if (run.timeout() == null) {
          return rr.waitFor();
        }
        if (rr.waitFor(run.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
          return rr.exitValue();
        }
        stop(rr);
        FileTrees.deleteQuietly(traceDir);
        throw new CodeTracerException(
            "the recorded program did not finish within " + run.timeout().toSeconds()
                + " s, so rr was stopped and the recording removed (rr's output: " + run.log() + ")");
      } catch (InterruptedException e) {
        rr.destroy(); // rr forwards SIGTERM to the program and closes the trace
        throw e;
      }
    } finally {
      if (shield != null) {
        shield.close();
      }
    }
  }

  /** SIGTERM first (rr passes it on and closes the trace), then SIGKILL to whatever is left. */
  private static void stop(Process rr) throws InterruptedException {
    rr.destroy();
    if (!rr.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      rr.descendants().forEach(ProcessHandle::destroyForcibly);
      rr.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Where rr's own explanation of a failed {@code rr record} is. */
  private String rrSaid() {
    if (run.terminal()) {
      return "; rr's message is above";
    }
    String said = "";
    try {
      said = RrMessages.firstMeaningfulLine(Files.readString(run.log(), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // the log's path is still given
    }
    return (said.isEmpty() ? "" : ": " + said) + " (rr's output: " + run.log() + ")";
  }

  /** What {@code rr ps} says about the recorded process, to tell a signal from an exit code. */
  private static OptionalInt psExit(RrExecutable rr, Path traceDir, RecordRequest request) throws InterruptedException {
    try {
      ToolRun.Result ps = ToolRun.run(RrCommand.ps(rr.path(), traceDir), request.environment(), request.workdir(), PS_TIMEOUT);
      return ps.succeeded() ? RrTrace.firstProcessExit(ps.stdout()) : OptionalInt.empty();
    } catch (IOException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * The sources the trace's binaries name ({@code rr sources}); when that fails, those of the
   * program alone ({@code rr explicit-sources}). Not having sources is not fatal.
   */
  private static List<String> listSources(
      RrExecutable rr, Path traceDir, Path program, Map<String, String> environment, TraceMetadata metadata)
      throws InterruptedException {
    Optional<String> traceFailure;
    try {
      return RrSources.ofTrace(rr, traceDir, environment);
    } catch (IOException | CodeTracerException e) {
      traceFailure = Optional.ofNullable(e.getMessage());
    }
    try {
      List<String> sources = RrSources.ofBinaries(rr, List.of(program), environment);
      metadata.put(SOURCES_ERROR, "only the program's own sources: " + traceFailure.orElse("rr sources failed"));
      return sources;
    } catch (IOException | CodeTracerException e) {
      metadata.put(SOURCES_ERROR, "no sources: " + e.getMessage());
      return List.of();
    }
  }
}
