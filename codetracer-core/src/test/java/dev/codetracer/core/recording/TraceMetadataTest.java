package dev.codetracer.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceMetadataTest {
  @Test
  void namesWhatWasTooLargeToRecord() {
    TraceMetadata metadata = new TraceMetadata();
    assertThat(metadata.tooLargeToRecord()).isEmpty();

    metadata.put("methods_not_instrumented", List.of("a.Big.run: too large with probes"));
    metadata.put("classes_not_instrumented", List.of("a.Odd: java.lang.IllegalStateException: bad", "a.Huge: too large with probes"));

    assertThat(metadata.tooLargeToRecord()).containsExactly("a.Big.run", "a.Huge");
  }
}
