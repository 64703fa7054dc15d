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

  @Test
  void aTestsLabelPutsItsParametersAfterTheMethod() {
    TraceMetadata metadata = new TraceMetadata();
    metadata.testClass = "com.acme.CalcTest";
    metadata.testMethod = "adds";
    assertThat(metadata.testLabel()).isEqualTo("CalcTest.adds");
    metadata.testParameters = "(13, 13, 26)";
    assertThat(metadata.testLabel()).isEqualTo("CalcTest.adds(13, 13, 26)");
    metadata.testParameters = "[4] 13, 13, 26";
    assertThat(metadata.testLabel()).isEqualTo("CalcTest.adds[4] 13, 13, 26");
    metadata.testParameters = "repetition 2 of 3";
    assertThat(metadata.testLabel()).isEqualTo("CalcTest.adds[repetition 2 of 3]");
  }
}
