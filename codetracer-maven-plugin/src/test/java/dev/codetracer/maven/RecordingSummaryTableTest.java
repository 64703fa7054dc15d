package dev.codetracer.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RecordingSummaryTableTest {
  @Test
  void columnsLineUpAndFoldersAreShownFromTheModule() {
    Path base = Path.of("/work/app");
    RecordingSummaryTable table = new RecordingSummaryTable(base);
    table.add("CalculatorTest.averages", "failed", base.resolve("target/codetracer/CalculatorTest.averages-1a2b3c4d"), 11_162L, null);
    table.add("GreetingTest.greets", "failed", null, null, "the recorder could not start");
    table.add("OtherTest.x", "passed", Path.of("/elsewhere/rec"), 512L, null);

    assertThat(table.lines())
        .containsExactly(
            "Test                     Outcome  Recording                                           Size",
            "-----------------------  -------  --------------------------------------------------  -------",
            "CalculatorTest.averages  failed   target/codetracer/CalculatorTest.averages-1a2b3c4d  10.9 KB",
            "GreetingTest.greets      failed   none: the recorder could not start                  -",
            "OtherTest.x              passed   /elsewhere/rec                                      512 B");
  }

  @Test
  void humanSizes() {
    assertThat(RecordingSummaryTable.humanSize(0)).isEqualTo("0 B");
    assertThat(RecordingSummaryTable.humanSize(1536)).isEqualTo("1.5 KB");
    assertThat(RecordingSummaryTable.humanSize(250L << 20)).isEqualTo("250 MB");
  }
}
