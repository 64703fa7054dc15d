package dev.codetracer.core.rr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one line shown to users out of rr's output (samples as rr 5.6.0 prints them). */
class RrMessagesTest {
  @Test
  void aFatalLineLosesItsSourceLocation() {
    String stderr =
        "[FATAL ./src/PerfCounters.cc:306:start_counter()] Unable to open performance counter with 'perf_event_open';"
            + " are hardware perf events available? See https://github.com/rr-debugger/rr/wiki/Will-rr-work-on-my-system\n";
    assertThat(RrMessages.firstMeaningfulLine(stderr))
        .isEqualTo(
            "Unable to open performance counter with 'perf_event_open'; are hardware perf events available?"
                + " See https://github.com/rr-debugger/rr/wiki/Will-rr-work-on-my-system");
  }

  @Test
  void backtracesAreSkipped() {
    String stderr =
        "[FATAL ./src/SourcesCommand.cc:1028:run() errno: ENOENT] Failed to stat `/nonexistent`\n"
            + "=== Start rr backtrace:\n"
            + "rr(_ZN2rr13dump_rr_stackEv+0x41)[0x55ccc59cb511]\n"
            + "=== End rr backtrace\n";
    assertThat(RrMessages.firstMeaningfulLine(stderr)).isEqualTo("Failed to stat `/nonexistent`");
  }

  @Test
  void withoutAFatalLineTheFirstLineCounts() {
    assertThat(RrMessages.firstMeaningfulLine("\nrr needs /proc/sys/kernel/perf_event_paranoid <= 1, but it is 3.\nChange it to 1\n"))
        .isEqualTo("rr needs /proc/sys/kernel/perf_event_paranoid <= 1, but it is 3.");
    assertThat(RrMessages.firstMeaningfulLine("")).isEmpty();
  }
}
