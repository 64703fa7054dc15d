package dev.codetracer.core.rr;

import static dev.codetracer.core.rr.RrTestSupport.cleanEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codetracer.core.archive.ProgressListener;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.record.RecorderUnavailableException;
import dev.codetracer.core.record.Recorders;
import dev.codetracer.core.record.RecordingSession;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.testing.StandInRr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-flight with the real rr and real programs: it refuses before anything runs. */
class RrPreflightTest {
  @TempDir Path tmp;

  private Path data() {
    return tmp.resolve("data");
  }

  private RecordingSession session() {
    return new RecordingSession(
        new Recorders(List.of(new RrRecorder())), new LocalRecordings(new DataDirectory(data())), ProgressListener.NONE);
  }

  private static RecordingSession.Options options(Path output, Path rr) {
    return new RecordingSession.Options("rr", output, null, null, TraceFormat.JSON, rr, true, null, true);
  }

  private void assertNothingLeft(Path output) throws IOException {
    assertThat(output).doesNotExist();
    assertThat(RrTestSupport.filesUnder(data())).isEmpty();
    assertThat(new LocalRecordings(new DataDirectory(data())).count()).isZero();
  }

  @Test
  void theRealRrOnThisMachineIsRefusedWithTheCauseBeforeTheProgramRuns() throws Exception {
    Optional<String> cause = RrTestSupport.whyThisMachineCannotRecord();
    if (cause.isEmpty()) {
      String reason = "this machine can record with rr, so there is no refusal to check (RrEndToEndTest records)";
      System.out.println("SKIPPED: " + reason);
      assumeTrue(false, reason);
    }
    Path program = NativeBuild.markerProgram(tmp.resolve("build"));
    Path marker = tmp.resolve("the-program-ran");
    Path output = tmp.resolve("recording");
    Set<String> probesBefore = RrTestSupport.probeFolders();

    assertThatThrownBy(
            () -> session().record(List.of(program.toString(), marker.toString()), tmp, cleanEnvironment(), options(output, null)))
        .isInstanceOf(RecorderUnavailableException.class)
        .hasMessageContaining(cause.get())
        .hasMessageContaining("--backend jvm")
        .message()
        .doesNotContain("\n");

    assertThat(marker).as("the user's program must not run").doesNotExist();
    assertNothingLeft(output);
    assertThat(RrTestSupport.probeFolders()).isEqualTo(probesBefore);
  }

  @Test
  void aRealRrGivenWithTheOptionIsProbedAndTheMessageCarriesRrsOwnWords() throws Exception {
    Optional<Path> rr = RrTestSupport.realRr();
    assumeTrue(rr.isPresent(), "rr is not installed (.ci/run installs it)");
    Optional<String> cause = RrTestSupport.whyThisMachineCannotRecord();
    if (cause.isEmpty()) {
      String reason = "this machine can record with rr: the probe passes, there is no refusal to check";
      System.out.println("SKIPPED: " + reason);
      assumeTrue(false, reason);
    }
    String rrOwnWords = rrOwnComplaint(rr.get());
    Path program = NativeBuild.markerProgram(tmp.resolve("build"));
    Path marker = tmp.resolve("the-program-ran");
    Path output = tmp.resolve("recording");
    Set<String> probesBefore = RrTestSupport.probeFolders();

    assertThatThrownBy(
            () -> session().record(List.of(program.toString(), marker.toString()), tmp, cleanEnvironment(), options(output, rr.get())))
        .isInstanceOf(RecorderUnavailableException.class)
        .hasMessageContaining("rr at " + rr.get() + " (given with --rr) cannot record on this machine: " + rrOwnWords)
        .message()
        .doesNotContain("\n");

    assertThat(marker).doesNotExist();
    assertNothingLeft(output);
    assertThat(RrTestSupport.probeFolders()).as("the probe's trace folder is removed").isEqualTo(probesBefore);
  }

  /** What rr itself says when it records /bin/true here (run by the test, not the backend). */
  private String rrOwnComplaint(Path rr) throws Exception {
    Path scratch = Files.createTempDirectory(tmp, "own-probe");
    ToolRun.Result result =
        ToolRun.run(List.of(rr.toString(), "record", "-o", scratch.resolve("t").toString(), "/bin/true"), null, scratch, null);
    assertThat(result.exitCode()).as("rr recorded /bin/true although the kernel says it cannot").isNotZero();
    return RrMessages.firstMeaningfulLine(result.stderr());
  }

  @Test
  void aProgramNotOnThePathIsRefusedBeforeRrIsEvenAsked() throws Exception {
    StandInRr rr = StandInRr.create(tmp, "rr-stand-in");
    Path output = tmp.resolve("recording");
    Map<String, String> environment = cleanEnvironment();
    environment.put(StandInRr.LOG, rr.log.toString());

    assertThatThrownBy(
            () -> session().record(List.of("no-such-program-4f1c"), tmp, environment, options(output, rr.executable)))
        .isInstanceOf(RecorderUnavailableException.class)
        .hasMessage("cannot record `no-such-program-4f1c`: not found on PATH");
    assertThat(rr.invocations()).isEmpty();
    assertNothingLeft(output);
  }

  @Test
  void aMissingPathADirectoryAndANonExecutableFileAreRefused() throws Exception {
    StandInRr rr = StandInRr.create(tmp, "rr-stand-in");
    Map<String, String> environment = cleanEnvironment();
    environment.put(StandInRr.LOG, rr.log.toString());
    Path folder = Files.createDirectory(tmp.resolve("a-folder"));
    Path notExecutable = Files.writeString(tmp.resolve("plain.txt"), "not a program");
    Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-r--r--"));
    Path output = tmp.resolve("recording");

    assertThatThrownBy(() -> session().record(List.of("./missing"), tmp, environment, options(output, rr.executable)))
        .isInstanceOf(RecorderUnavailableException.class)
        .hasMessage("cannot record `./missing`: " + tmp.resolve("missing") + " does not exist");
    assertThatThrownBy(() -> session().record(List.of(folder.toString()), tmp, environment, options(output, rr.executable)))
        .isInstanceOf(RecorderUnavailableException.class)
        .hasMessage("cannot record `" + folder + "`: " + folder + " is a directory, not a program");
    assertThatThrownBy(() -> session().record(List.of("./plain.txt"), tmp, environment, options(output, rr.executable)))
        .isInstanceOf(RecorderUnavailableException.class)
        .hasMessageStartingWith("cannot record `./plain.txt`: " + notExecutable + " is not executable");

    assertThat(rr.invocations()).isEmpty();
    assertNothingLeft(output);
  }

  @Test
  void noRrAnywhereSaysSoAndWhatToDo() throws Exception {
    Path program = NativeBuild.markerProgram(tmp.resolve("build"));
    Path emptyBin = Files.createDirectory(tmp.resolve("empty-bin"));
    Map<String, String> environment = cleanEnvironment();
    environment.put("PATH", emptyBin.toString());
    Path output = tmp.resolve("recording");

    assertThatThrownBy(
            () -> session().record(List.of(program.toString(), tmp.resolve("m").toString()), tmp, environment, options(output, null)))
        .isInstanceOf(RecorderUnavailableException.class)
        .hasMessage(
            "rr is not installed (not found on PATH): install it (e.g. `apt-get install rr`), or point --rr or"
                + " CODETRACER_RR at an rr build; for Java code use the JVM recorder (--backend jvm)");
    assertThat(tmp.resolve("m")).doesNotExist();
    assertNothingLeft(output);
  }

  @Test
  void anRrPathThatIsNotAnExecutableIsNamedWithWhereItCameFrom() throws Exception {
    Path program = NativeBuild.markerProgram(tmp.resolve("build"));
    Path nowhere = tmp.resolve("no-rr-here");
    Map<String, String> environment = cleanEnvironment();
    environment.put(RrLocator.ENVIRONMENT_VARIABLE, nowhere.toString());
    Path output = tmp.resolve("recording");

    assertThatThrownBy(() -> session().record(List.of(program.toString()), tmp, environment, options(output, nowhere)))
        .hasMessage("rr not found at " + nowhere + " (given with --rr): point --rr at an rr executable");
    assertThatThrownBy(() -> session().record(List.of(program.toString()), tmp, environment, options(output, null)))
        .hasMessage("rr not found at " + nowhere + " (given with CODETRACER_RR): point CODETRACER_RR at an rr executable");
    assertNothingLeft(output);
  }
}
