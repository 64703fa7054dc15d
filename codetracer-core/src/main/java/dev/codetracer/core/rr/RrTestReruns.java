package dev.codetracer.core.rr;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.ProgressListener;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.RecorderUnavailableException;
import dev.codetracer.core.record.Recorders;
import dev.codetracer.core.record.RecordingSession;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.TestFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs tests again, each alone in a fresh JVM under {@code rr record}, and publishes each
 * recording: the step the JUnit extension ({@code codetracer.backend=rr}) and the Maven plugin
 * ({@code -Dcodetracer.backend=rr}) share. rr records a process, not a test inside one, so every
 * test gets a JVM, and a recording, of its own.
 *
 * <p>The front end says how to run one test alone ({@link TestJvm}: codetracer-junit-runner's
 * runner, unrecorded, selecting the test by its unique id) and how to publish a recording
 * ({@link Publisher}); this class does the rest, through core's rr backend: the pre-flight, the
 * recording (the whole JVM, packed, with the sources and function index the backend finds), the
 * test class's source and the test method in the function index, the test keys in the metadata
 * ({@code record_mode} {@code rerun}, {@code reproduced}). What rr and the recorded JVM print goes
 * to a log file, never to this process's streams (a test JVM's stdout is Surefire's channel).
 */
public final class RrTestReruns {
  /** {@code record_mode} of these recordings. */
  public static final String RECORD_MODE = "rerun";
  static final String LOG = "rr.log";
  static final String RESULT = "result.json";

  /** How the front end runs one test alone in a fresh JVM, and reads what it reported. */
  public interface TestJvm {
    /** The {@code java} that runs the tests: the program rr's pre-flight checks. */
    Path java();

    /**
     * The command that runs only the test with this unique id, not recorded by the JVM recorder,
     * and writes its outcome to {@code resultFile}; files it needs (an argument file) go into
     * {@code workFolder}.
     */
    List<String> command(String uniqueId, Path resultFile, Path workFolder) throws IOException;

    /** What that run reported for the test; empty when it ran no such test or wrote no result. */
    Optional<RecordedRun> outcome(String uniqueId, Path resultFile) throws IOException;
  }

  /**
   * The recorded run of a test.
   *
   * @param outcome {@code passed}, {@code failed}, {@code aborted} or {@code skipped}
   * @param failureType the exception's class when it failed or was aborted, else null
   */
  public record RecordedRun(String outcome, String failureType) {
    public boolean failed() {
      return "failed".equals(outcome);
    }
  }

  /** What the front end does with a finished recording, whose metadata already has the test keys. */
  @FunctionalInterface
  public interface Publisher {
    /**
     * Registers, exports, caps... the recording in {@code folder}.
     *
     * @return what went wrong without losing the recording
     * @throws CodeTracerException when there is no usable recording (the message says why)
     */
    List<String> publish(Path folder);
  }

  /**
   * A test to run again.
   *
   * @param failure its original failure, or null for a passing test kept anyway
   * @param folder the recording folder to make (must not exist, or be empty)
   * @param workFolder where its argument file, result file and {@value #LOG} go
   */
  public record Request(TestFacts.Test test, TestFacts.Failure failure, Path folder, Path workFolder) {
    public Path log() {
      return workFolder.resolve(LOG);
    }
  }

  /**
   * What became of a rerun.
   *
   * @param folder the published recording, or null when there is none
   * @param run the recorded run's outcome, or null when the JVM did not report one
   * @param reproduced whether the original failure happened again (same exception type); null
   *     for a test that had not failed or when unknown
   * @param warnings what went wrong without losing the recording (not indexed, not exported)
   * @param problem why there is no recording, or null
   */
  public record Result(Request request, Path folder, RecordedRun run, Boolean reproduced, List<String> warnings, String problem) {
    public boolean recorded() {
      return folder != null;
    }
  }

  private final TestJvm jvm;
  private final Path rrExecutable;
  private final String rrExecutableOption;
  private final Path workdir;
  private final Map<String, String> environment;
  private final Duration timeout;
  private final List<Path> sourceRoots;
  private final String recordedBy;

  /**
   * @param rrExecutable the rr to use, or null for {@code CODETRACER_RR} (in {@code environment}), then the PATH
   * @param rrExecutableOption the front end's setting that names {@code rrExecutable}, for messages
   * @param workdir where the test JVMs run
   * @param environment their whole environment
   * @param timeout how long one test's JVM may run under rr, or null for no limit
   * @param sourceRoots where the test classes' sources are looked for
   * @param recordedBy {@code recorded_by} in the metadata: the front end
   */
  public RrTestReruns(
      TestJvm jvm,
      Path rrExecutable,
      String rrExecutableOption,
      Path workdir,
      Map<String, String> environment,
      Duration timeout,
      List<Path> sourceRoots,
      String recordedBy) {
    this.jvm = jvm;
    this.rrExecutable = rrExecutable;
    this.rrExecutableOption = rrExecutableOption;
    this.workdir = workdir;
    this.environment = Map.copyOf(environment);
    this.timeout = timeout;
    this.sourceRoots = List.copyOf(sourceRoots);
    this.recordedBy = recordedBy;
  }

  /**
   * rr's pre-flight for the test JVM (the java starts, rr is there and runs, the hardware
   * counters work: a probe recording), before any test runs again. Leaves nothing behind.
   *
   * @throws RecorderUnavailableException with the pre-flight's own message
   */
  public void checkUsable() {
    Path scratch = workdir.resolve("rr-preflight-not-created");
    new RrRecorder(RrRunOptions.TERMINAL)
        .checkUsable(
            new RecordRequest(List.of(jvm.java().toString(), "-version"), workdir, scratch, environment, TraceFormat.JSON, rrExecutable,
                rrExecutableOption, false, null));
  }

  /**
   * Runs the test again under rr, writes its test keys into the recording and publishes it. The
   * session does the rr pre-flight again (cheap; the machine may have changed). Never throws for
   * a problem with the test or its recording: the result says it.
   */
  public Result rerun(Request request, Publisher publisher) throws InterruptedException {
    String uniqueId = request.test().uniqueId();
    Path resultFile = request.workFolder().resolve(RESULT);
    Path folder = request.folder().toAbsolutePath().normalize();
    boolean made = false;
    try {
      Files.createDirectories(request.workFolder());
      Files.deleteIfExists(resultFile);
      List<String> command = jvm.command(uniqueId, resultFile, request.workFolder());
      RecordingSession session =
          new RecordingSession(
              new Recorders(List.of(new RrRecorder(RrRunOptions.toLog(request.log(), timeout)))),
              LocalRecordings.fromEnvironment(),
              ProgressListener.NONE);
      // not registered here: the publisher does it once the test keys are in
      session.record(
          command,
          workdir,
          environment,
          new RecordingSession.Options(
              RrRecorder.NAME, folder, null, null, TraceFormat.JSON, rrExecutable, rrExecutableOption, false, null, false));
      made = true;
      Optional<RecordedRun> run = jvm.outcome(uniqueId, resultFile);
      if (run.isEmpty()) {
        FileTrees.deleteQuietly(folder);
        return failed(request, "the JVM run under rr did not run it (rr's and its output: " + request.log() + ")");
      }
      Boolean reproduced =
          request.failure() == null ? null : run.get().failed() && Objects.equals(run.get().failureType(), request.failure().type());
      new TestFacts(request.test(), run.get().outcome(), request.failure(), RECORD_MODE, reproduced, recordedBy).writeTo(folder);
      TestSources.addTo(folder, request.test(), sourceRoots, workdir);
      made = false; // from here on the publisher decides what stays (it removes a recording over a size cap)
      List<String> warnings = publisher.publish(folder);
      return new Result(request, folder, run.get(), reproduced, List.copyOf(warnings), null);
    } catch (CodeTracerException | IOException | java.io.UncheckedIOException e) {
      if (made) {
        FileTrees.deleteQuietly(folder);
      }
      String why = e.getMessage();
      return failed(request, why == null ? e.toString() : why);
    }
  }

  private static Result failed(Request request, String problem) {
    return new Result(request, null, null, null, List.of(), problem);
  }
}
