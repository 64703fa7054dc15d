package dev.codetracer.core.rr;

import static dev.codetracer.core.rr.RrTestSupport.cleanEnvironment;
import static dev.codetracer.core.rr.RrTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.record.ProgramExit;
import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.RecorderUnavailableException;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.testing.StandInRr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact command lines the backend runs, observed through {@link StandInRr}, a script that
 * only logs its argv. Nothing here is a recording: these tests check command lines only.
 */
class RrCommandLinesTest {
  @TempDir Path tmp;

  private StandInRr rr;
  private Map<String, String> environment;
  private Path program;
  private Path folder;

  @BeforeEach
  void setUp() throws Exception {
    rr = StandInRr.create(tmp, "rr-stand-in");
    environment = cleanEnvironment();
    environment.put(StandInRr.LOG, rr.log.toString());
    program = NativeBuild.markerProgram(tmp.resolve("build"));
    folder = Files.createDirectory(tmp.resolve("recording"));
  }

  private List<String> argv(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(rr.executable.toString());
    argv.addAll(List.of(args));
    return argv;
  }

  @Test
  void recordRunsRecordIntoTheFolderThenPackThenSources() throws Exception {
    List<String> userArgs = List.of("--not-an-rr-option", "two words", "");
    RecordRequest request = request(concat(program.toString(), userArgs), tmp, folder, environment, rr.executable);

    ProgramExit exit = new RrRecorder().record(request, new TraceMetadata());

    Path trace = folder.resolve("rr");
    List<String> recordArgv = argv("record", "-o", trace.toString(), program.toString());
    recordArgv.addAll(userArgs);
    assertThat(rr.invocations())
        .containsExactly(
            argv("--version"),
            recordArgv,
            argv("pack", trace.toString()),
            argv("sources", trace.toString()),
            // the stand-in prints no source list, so the backend falls back to the program's own
            argv("explicit-sources", program.toString()));
    assertThat(exit).isEqualTo(ProgramExit.exited(0));
  }

  @Test
  void aProgramNamedOnThePathIsRecordedByItsResolvedPath() throws Exception {
    environment.put("PATH", program.getParent() + ":" + environment.get("PATH"));
    RecordRequest request = request(List.of("marker", "x"), tmp, folder, environment, rr.executable);
    TraceMetadata metadata = new TraceMetadata();

    new RrRecorder().record(request, metadata);

    assertThat(rr.invocations().get(1)).isEqualTo(argv("record", "-o", folder.resolve("rr").toString(), program.toString(), "x"));
    assertThat(metadata.program).isEqualTo(program.toString());
  }

  @Test
  void theProgramsExitStatusIsPassedThroughAndOnlyAStatusAbove128AsksRrPs() throws Exception {
    environment.put(StandInRr.RECORD_EXIT, "3");
    ProgramExit exit = new RrRecorder().record(request(List.of(program.toString()), tmp, folder, environment, rr.executable), new TraceMetadata());
    assertThat(exit).isEqualTo(ProgramExit.exited(3));
    assertThat(rr.invocations()).extracting(argv -> argv.get(1)).doesNotContain("ps");

    Path second = Files.createDirectory(tmp.resolve("second"));
    Files.delete(rr.log);
    environment.put(StandInRr.RECORD_EXIT, "137");
    ProgramExit killed = new RrRecorder().record(request(List.of(program.toString()), tmp, second, environment, rr.executable), new TraceMetadata());
    assertThat(rr.invocations()).contains(argv("ps", second.resolve("rr").toString()));
    // the stand-in's `rr ps` prints nothing, so which signal it was stays unknown
    assertThat(killed).isEqualTo(ProgramExit.exited(137));
  }

  @Test
  void thePreflightProbesAnExplicitRrWithATinyRecordingAndRemovesIt() throws Exception {
    Set<String> probesBefore = RrTestSupport.probeFolders();
    new RrRecorder().checkUsable(request(List.of(program.toString()), tmp, folder, environment, rr.executable));

    List<List<String>> invocations = rr.invocations();
    assertThat(invocations).hasSize(2);
    assertThat(invocations.get(0)).isEqualTo(argv("--version"));
    List<String> probe = invocations.get(1);
    assertThat(probe.subList(0, 3)).isEqualTo(argv("record", "-o"));
    Path probeTrace = Path.of(probe.get(3));
    assertThat(probeTrace.getFileName()).hasToString(RrProbe.TRACE_DIR_NAME);
    assertThat(probeTrace.getParent().getFileName().toString()).startsWith("codetracer-rr-probe");
    assertThat(probe.get(4)).isIn("/bin/true", "/usr/bin/true");
    assertThat(probeTrace.getParent()).as("the probe's folder is removed").doesNotExist();
    assertThat(RrTestSupport.probeFolders()).isEqualTo(probesBefore);
    assertThat(RrTestSupport.filesUnder(folder)).isEmpty();
  }

  @Test
  void aFailingProbeIsAPreflightErrorWithRrsExitStatus() throws Exception {
    environment.put(StandInRr.RECORD_EXIT, "1");
    assertThatThrownBy(
            () -> new RrRecorder().checkUsable(request(List.of(program.toString()), tmp, folder, environment, rr.executable)))
        .isInstanceOf(RecorderUnavailableException.class)
        .hasMessageStartingWith("rr at " + rr.executable + " (given with --rr) cannot record on this machine: exit status 1; ");
  }

  @Test
  void codetracerRrIsUsedWhenNoOptionIsGivenAndTheOptionWinsOverIt() throws Exception {
    // both stand-ins log to the same file (STANDIN_LOG); argv[0] tells which one ran
    StandInRr other = StandInRr.create(tmp, "other-rr");
    environment.put(RrLocator.ENVIRONMENT_VARIABLE, other.executable.toString());

    new RrRecorder().checkUsable(request(List.of(program.toString()), tmp, folder, environment, null));
    assertThat(rr.invocations()).isNotEmpty().allSatisfy(argv -> assertThat(argv.get(0)).isEqualTo(other.executable.toString()));

    Files.delete(rr.log);
    new RrRecorder().checkUsable(request(List.of(program.toString()), tmp, folder, environment, rr.executable));
    assertThat(rr.invocations()).isNotEmpty().allSatisfy(argv -> assertThat(argv.get(0)).isEqualTo(rr.executable.toString()));
  }

  @Test
  void builtCommandLines() {
    Path r = Path.of("/opt/rr/bin/rr");
    Path t = Path.of("/data/trace-1/rr");
    assertThat(RrCommand.record(r, t, Path.of("/w/a.out"), List.of("-x", "y")))
        .containsExactly("/opt/rr/bin/rr", "record", "-o", "/data/trace-1/rr", "/w/a.out", "-x", "y");
    assertThat(RrCommand.pack(r, t)).containsExactly("/opt/rr/bin/rr", "pack", "/data/trace-1/rr");
    assertThat(RrCommand.sources(r, t)).containsExactly("/opt/rr/bin/rr", "sources", "/data/trace-1/rr");
    assertThat(RrCommand.explicitSources(r, List.of(Path.of("/w/a.out"), Path.of("/w/lib.so"))))
        .containsExactly("/opt/rr/bin/rr", "explicit-sources", "/w/a.out", "/w/lib.so");
    assertThat(RrCommand.ps(r, t)).containsExactly("/opt/rr/bin/rr", "ps", "/data/trace-1/rr");
    assertThat(RrCommand.replayToEnd(r, t)).containsExactly("/opt/rr/bin/rr", "replay", "-a", "/data/trace-1/rr");
    assertThat(SymbolIndex.command(Path.of("/w/a.out"))).containsExactly("nm", "-C", "--defined-only", "-l", "/w/a.out");
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
