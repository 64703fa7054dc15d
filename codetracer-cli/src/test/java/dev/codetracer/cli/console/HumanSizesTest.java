package dev.codetracer.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HumanSizesTest {
  @ParameterizedTest
  @ValueSource(longs = {0, 1, 1023, 1024, 1536, 10_239, 10_240, 102_348, 102_349, 1_048_575, 1_048_576, 48_842, 3_774_873,
      1L << 30, (1L << 40) * 3 / 2, Long.MAX_VALUE})
  void printsWhatFormattingWithOneDecimalPrints(long bytes) {
    assertEquals(withFormatter(bytes), HumanSizes.format(bytes));
  }

  @ParameterizedTest
  @CsvSource({"12, 12 B", "1536, 1.5 KB", "1258291, 1.2 MB", "348160, 340 KB", "1073741824, 1.0 GB"})
  void readsAsPeopleWriteSizes(long bytes, String expected) {
    assertEquals(expected, HumanSizes.format(bytes));
  }

  /** What the size read before it was formatted by hand. */
  private static String withFormatter(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  }
}
