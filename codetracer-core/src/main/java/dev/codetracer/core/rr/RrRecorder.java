package dev.codetracer.core.rr;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.record.InterruptShield;
import dev.codetracer.core.record.ProgramExit;
import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.Recorder;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rr backend: records a native program with {@code rr record}, packs the trace so it
 * replays elsewhere ({@code rr pack}), and adds the sources and function index CodeTracer shows.
 */
public final class RrRecorder implements Recorder {
  public static final String NAME = "rr";
  static final String RR_VERSION = "rr_version";
  static final String RR_EXECUTABLE = "rr_executable";
  static final String SOURCES_ERROR = "sources_error";
  private static final Duration PS_TIMEOUT = Duration.ofMinutes(1);

  private final RrPreflight preflight;

  public RrRecorder() {
    this(new RrPreflight(PerfCounterAccess.ofThisMachine()));
  }

  RrRecorder(RrPreflight preflight) {
    this.preflight = preflight;
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
    int rrStatus = runRecord(RrCommand.record(rr.path(), traceDir, program, request.args()), request);
    if (!RrTrace.isComplete(traceDir)) {
      FileTrees.deleteQuietly(traceDir);
      throw new CodeTracerException(
          "rr record failed (exit status " + rrStatus + ") and wrote no complete trace; rr's message is above");
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

  /** Runs {@code rr record} with the user's terminal: stdin, stdout and stderr untouched. */
  private static int runRecord(List<String> command, RecordRequest request) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(request.workdir().toFile()).inheritIO();
    builder.environment().clear();
    builder.environment().putAll(request.environment());
    InterruptShield shield = InterruptShield.raise();
    try {
      Process rr = builder.start();
      try {
        return rr.waitFor();
      } catch (InterruptedException e) {
        rr.destroy(); // rr forwards SIGTERM to the program and closes the trace
        throw e;
      }
    } finally {
      shield.close();
    }
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
