package dev.codetracer.core.rr;

import static dev.codetracer.core.rr.RrTestSupport.cleanEnvironment;
import static dev.codetracer.core.rr.RrTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.testing.StandInRr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RrRunOptions#toLog}: rr and the recorded program write to a log file, read nothing, and
 * are stopped after the time limit. The command-line checks use {@link StandInRr} (which records
 * nothing); the failure check uses the real rr where it cannot record.
 */
class RrDetachedRunTest {
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

  @Test
  void rrRecordWritesToTheLogReadsNothingAndTheCommandLinesAreUnchanged() throws Exception {
    environment.put(StandInRr.SAY, "hello from the recorded side");
    Path log = tmp.resolve("work/rr.log");

    new RrRecorder(RrRunOptions.toLog(log, Duration.ofMinutes(1)))
        .record(request(List.of(program.toString(), "x"), tmp, folder, environment, rr.executable), new TraceMetadata());

    assertThat(Files.readAllLines(log))
        .containsExactlyInAnyOrder("stdout: hello from the recorded side; stdin: /dev/null", "stderr: hello from the recorded side");
    Path trace = folder.resolve("rr");
    assertThat(rr.invocations())
        .extracting(argv -> argv.subList(1, argv.size()))
        .containsExactly(
            List.of("--version"),
            List.of("record", "-o", trace.toString(), program.toString(), "x"),
            List.of("pack", trace.toString()),
            List.of("sources", trace.toString()),
            List.of("explicit-sources", program.toString()));
  }

  @Test
  void aProgramThatOutlivesTheTimeLimitIsStoppedAndLeavesNoTrace() throws Exception {
    environment.put(StandInRr.RECORD_SECONDS, "120");
    Path log = tmp.resolve("rr.log");
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                new RrRecorder(RrRunOptions.toLog(log, Duration.ofSeconds(1)))
                    .record(request(List.of(program.toString()), tmp, folder, environment, rr.executable), new TraceMetadata()))
        .isInstanceOf(CodeTracerException.class)
        .hasMessage("the recorded program did not finish within 1 s, so rr was stopped and the recording removed (rr's output: " + log + ")");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    assertThat(folder.resolve("rr")).doesNotExist();
    assertThat(rr.invocations()).extracting(argv -> argv.get(1)).containsExactly("--version", "record");
  }

  @Test
  void aFailedRrRecordNamesRrsOwnLineAndTheLogInsteadOfTheTerminal() throws Exception {
    Optional<String> cause = RrTestSupport.whyThisMachineCannotRecord();
    if (cause.isEmpty() || RrTestSupport.realRr().isEmpty()) {
      String reason = "needs a machine where the installed rr fails to record; here: " + cause.orElse("rr records fine");
      System.out.println("SKIPPED: " + reason);
      Assumptions.assumeTrue(false, reason);
    }
    Path log = tmp.resolve("rr.log");

    assertThatThrownBy(
            () ->
                new RrRecorder(RrRunOptions.toLog(log, Duration.ofMinutes(1)))
                    .record(request(List.of(program.toString(), tmp.resolve("m").toString()), tmp, folder, cleanEnvironment(), null), new TraceMetadata()))
        .isInstanceOf(CodeTracerException.class)
        .hasMessageStartingWith("rr record failed (exit status ")
        .hasMessageContaining(") and wrote no complete trace: ")
        .hasMessageEndingWith(" (rr's output: " + log + ")")
        .message()
        .doesNotContain("\n")
        .doesNotContain("is above");
    String written = Files.readString(log);
    assertThat(written).as("rr's own complaint is in the log").isNotBlank();
    assertThat(RrMessages.firstMeaningfulLine(written)).isNotEmpty();
    assertThat(tmp.resolve("m")).as("the program did not run").doesNotExist();
    assertThat(folder.resolve("rr")).doesNotExist();
  }

  @Test
  void theTerminalIsTheDefault() {
    assertThat(RrRunOptions.TERMINAL.terminal()).isTrue();
    assertThat(RrRunOptions.toLog(tmp.resolve("x.log"), null).terminal()).isFalse();
    assertThatThrownBy(() -> RrRunOptions.toLog(null, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
