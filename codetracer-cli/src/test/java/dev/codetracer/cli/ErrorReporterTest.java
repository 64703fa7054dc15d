package dev.codetracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorReporterTest {
  @Test
  void anErrorStaysOneLine() {
    assertThat(ErrorReporter.oneLine("cannot read x.json: Unexpected character\n at [Source: (x); line: 1]\r\n"))
        .isEqualTo("cannot read x.json: Unexpected character at [Source: (x); line: 1]");
    assertThat(ErrorReporter.oneLine("plain")).isEqualTo("plain");
    assertThat(ErrorReporter.oneLine(null)).isEmpty();
  }
}
