package sample;

import static org.junit.jupiter.api.Assertions.fail;

import dev.codetracer.junit.RecordOnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code failsFirstTime} fails while the marker file named by {@code -Dsample.marker} does not
 * exist, creating it; {@code failsAlways} fails every time.
 */
@RecordOnFailure
class FlakySample {
  @Test
  void failsFirstTime() throws IOException {
    Path marker = Path.of(System.getProperty("sample.marker"));
    if (!Files.exists(marker)) {
      Files.createFile(marker);
      fail("first run");
    }
  }

  @Test
  void failsAlways() {
    int answer = 6 * 7;
    if (answer != 41) {
      fail("the answer was " + answer);
    }
  }
}
