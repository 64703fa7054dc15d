package dev.codetracer.junit.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.junit.runner.TestDescription;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
  private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
  private final TestDescription test =
      new TestDescription("[engine:junit-jupiter]/[class:a.CartTest]/[method:adds()]", "adds()", "a.CartTest", "adds", null);

  @Test
  void oneLinePerRecordingWithTheCommandThatOpensIt() {
    ConsoleReport report = new ConsoleReport(() -> outStream, () -> errStream, Path.of("/p"));
    report.recorded(test, true, Path.of("/p/target/codetracer/CartTest.adds-1a2b3c4d"), ConsoleReport.NotShown.NONE);
    report.rerunRecorded(test, false, Path.of("/elsewhere/my recordings/CartTest.adds-1a2b3c4d"), ConsoleReport.NotShown.NONE);
    report.noRecording(test, "the JVM could not start\n(line two)");
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "codetracer: CartTest.adds failed; recording: target/codetracer/CartTest.adds-1a2b3c4d "
                + "(open it: codetracer run target/codetracer/CartTest.adds-1a2b3c4d)",
            "codetracer: CartTest.adds failed, but passed when run again in a fresh JVM (flaky?); recording of that run: "
                + "/elsewhere/my recordings/CartTest.adds-1a2b3c4d (open it: codetracer run '/elsewhere/my recordings/CartTest.adds-1a2b3c4d')");
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("codetracer: warning: no recording of CartTest.adds: the JVM could not start (line two)");
  }

  @Test
  void aRecordingSaysWhichThreadsRanCodeItDoesNotShow() {
    ConsoleReport report = new ConsoleReport(() -> outStream, () -> errStream, Path.of("/p"));
    Path folder = Path.of("/p/target/codetracer/CartTest.adds-1a2b3c4d");
    report.recorded(test, true, folder, new ConsoleReport.NotShown(List.of("junit-timeout-thread-1"), 1));
    report.rerunRecorded(test, true, folder, new ConsoleReport.NotShown(List.of("pool-1-thread-1", "pool-1-thread-2", "pool-1-thread-3", "worker"), 4));
    report.recorded(test, true, folder, new ConsoleReport.NotShown(List.of("#31 (unnamed)", "#32 (unnamed)", "#33 (unnamed)", "#34 (unnamed)"), 1000));
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "codetracer: CartTest.adds failed; recording: target/codetracer/CartTest.adds-1a2b3c4d "
                + "(open it: codetracer run target/codetracer/CartTest.adds-1a2b3c4d); "
                + "it does not show what ran meanwhile on thread junit-timeout-thread-1",
            "codetracer: CartTest.adds failed; recorded when run again in a fresh JVM, where it failed again: "
                + "target/codetracer/CartTest.adds-1a2b3c4d (open it: codetracer run target/codetracer/CartTest.adds-1a2b3c4d); "
                + "it does not show what ran meanwhile on threads pool-1-thread-1, pool-1-thread-2, pool-1-thread-3 and 1 more",
            "codetracer: CartTest.adds failed; recording: target/codetracer/CartTest.adds-1a2b3c4d "
                + "(open it: codetracer run target/codetracer/CartTest.adds-1a2b3c4d); "
                + "it does not show what ran meanwhile on threads #31 (unnamed), #32 (unnamed), #33 (unnamed) and 997 more");
  }

  @Test
  void aRecordingWithoutStepsSaysSo() {
    ConsoleReport report = new ConsoleReport(() -> outStream, () -> errStream, Path.of("/p"));
    Path folder = Path.of("/p/target/codetracer/CartTest.adds-1a2b3c4d");
    TraceMetadata empty = new TraceMetadata();
    empty.steps = 0L;
    TraceMetadata stepped = new TraceMetadata();
    stepped.steps = 12L;
    report.recorded(test, true, folder, ConsoleReport.NotShown.of(empty));
    report.recorded(test, true, folder, ConsoleReport.NotShown.of(stepped));
    report.rerunRecorded(test, true, folder, new ConsoleReport.NotShown(List.of("worker"), 1, true));
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "codetracer: CartTest.adds failed; recording: target/codetracer/CartTest.adds-1a2b3c4d "
                + "(open it: codetracer run target/codetracer/CartTest.adds-1a2b3c4d); "
                + "it holds no steps: no recorded code ran on the test's thread",
            "codetracer: CartTest.adds failed; recording: target/codetracer/CartTest.adds-1a2b3c4d "
                + "(open it: codetracer run target/codetracer/CartTest.adds-1a2b3c4d)",
            "codetracer: CartTest.adds failed; recorded when run again in a fresh JVM, where it failed again: "
                + "target/codetracer/CartTest.adds-1a2b3c4d (open it: codetracer run target/codetracer/CartTest.adds-1a2b3c4d); "
                + "it holds no steps: no recorded code ran on the test's thread; it does not show what ran meanwhile on thread worker");
  }
}
