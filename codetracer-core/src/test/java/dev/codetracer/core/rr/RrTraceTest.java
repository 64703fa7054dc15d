package dev.codetracer.core.rr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.record.ProgramExit;
import dev.codetracer.core.record.SignalNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading what rr leaves behind: the incomplete marker and {@code rr ps}'s exit column. */
class RrTraceTest {
  // the layout rr's PsCommand prints: a header, then the recorded process, then its children
  private static final String PS_KILLED =
      "PID\tPPID\tEXIT\tCMD\n" + "4242\t--\t-9\t/w/server --port 1\n" + "4243\t4242\t0\t/bin/sh -c true\n";
  private static final String PS_EXITED = "PID\tPPID\tEXIT\tCMD\n" + "4242\t--\t130\t/w/tool\n";

  @TempDir Path tmp;

  @Test
  void theFirstProcessExitIsReadFromRrPs() {
    assertThat(RrTrace.firstProcessExit(PS_KILLED)).hasValue(-9);
    assertThat(RrTrace.firstProcessExit(PS_EXITED)).hasValue(130);
    assertThat(RrTrace.firstProcessExit("")).isEmpty();
  }

  @Test
  void aSignalIsOnlyNamedWhenRrPsSaysSo() {
    assertThat(RrTrace.programExit(137, RrTrace.firstProcessExit(PS_KILLED))).isEqualTo(new ProgramExit(137, "SIGKILL"));
    // a program may exit(130) itself: the trace tells it apart from SIGINT
    assertThat(RrTrace.programExit(130, RrTrace.firstProcessExit(PS_EXITED))).isEqualTo(ProgramExit.exited(130));
    assertThat(RrTrace.programExit(134, OptionalInt.empty())).isEqualTo(ProgramExit.exited(134));
    assertThat(RrTrace.programExit(0, OptionalInt.empty())).isEqualTo(ProgramExit.exited(0));
  }

  @Test
  void signalNames() {
    assertThat(SignalNames.name(2)).isEqualTo("SIGINT");
    assertThat(SignalNames.name(6)).isEqualTo("SIGABRT");
    assertThat(SignalNames.name(11)).isEqualTo("SIGSEGV");
    assertThat(SignalNames.name(15)).isEqualTo("SIGTERM");
    assertThat(SignalNames.name(31)).isEqualTo("SIGSYS");
    assertThat(SignalNames.name(34)).isEqualTo("SIGRTMIN");
    assertThat(SignalNames.name(36)).isEqualTo("SIGRTMIN+2");
    assertThat(SignalNames.name(99)).isEqualTo("signal 99");
  }

  @Test
  void aTraceIsCompleteOnlyWithoutTheIncompleteMarker() throws Exception {
    Path trace = Files.createDirectory(tmp.resolve("rr"));
    assertThat(RrTrace.isComplete(trace)).isTrue();
    Files.writeString(trace.resolve(RrTrace.INCOMPLETE_MARKER), "");
    assertThat(RrTrace.isComplete(trace)).isFalse();
    assertThat(RrTrace.isComplete(tmp.resolve("missing"))).isFalse();
  }
}
