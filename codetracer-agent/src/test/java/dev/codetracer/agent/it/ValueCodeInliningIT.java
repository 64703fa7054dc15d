package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.jvm.ValueCodeInlining;
import dev.codetracer.core.testing.Jvm;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The options launchers give a recorded JVM ({@link ValueCodeInlining}) name the agent's value
 * code as it is, so that C2 really keeps it out of the program's methods, and print nothing of
 * their own: seen in HotSpot's own inlining log of a method hot enough for C2 (samples.HotValues).
 */
class ValueCodeInliningIT {
  private static final String SAMPLE = "samples.HotValues";
  /** An inlining log line that inlines a method of the value code, or of the encoder it writes with. */
  private static final Pattern VALUE_CODE_INLINED =
      Pattern.compile("dev\\.codetracer\\.agent\\.(values\\.|shaded\\.core\\.jvm\\.ValueEncoder::)\\S+ \\(\\d+ bytes\\)\\s+inline");
  private static final Pattern ENCODER_INLINED =
      Pattern.compile("dev\\.codetracer\\.agent\\.shaded\\.core\\.jvm\\.ValueEncoder::\\S+ \\(\\d+ bytes\\)\\s+inline");

  @Test
  void theValueCodeIsNotInlinedIntoTheProgramsMethods() {
    String inlinedByDefault = inliningLog(List.of());
    assertThat(VALUE_CODE_INLINED.matcher(inlinedByDefault).find())
        .as("without the options, C2 inlines the value code (else this test could not fail)")
        .isTrue();
    assertThat(ENCODER_INLINED.matcher(inlinedByDefault).find()).as("and the encoder, by the name the options give it").isTrue();

    String withOptions = inliningLog(ValueCodeInlining.OPTIONS);
    assertThat(VALUE_CODE_INLINED.matcher(withOptions).find()).as("a value method inlined despite the options").isFalse();
    assertThat(withOptions).contains("dev.codetracer.agent.values.").contains("disallowed by CompileCommand");
    assertThat(withOptions).containsPattern("dev\\.codetracer\\.agent\\.shaded\\.core\\.jvm\\.ValueEncoder::\\S+ \\(\\d+ bytes\\)\\s+disallowed by CompileCommand");
  }

  @Test
  void theOptionsLeaveTheProgramsOutputAsItIs() {
    SampleRun plain = SampleRuns.plain(SAMPLE, Jvm.JAVA_17, Samples.Debug.FULL);
    SampleRun recorded = recorded(ValueCodeInlining.OPTIONS);

    assertThat(recorded.exitCode()).isZero();
    assertThat(recorded.stdout()).isEqualTo(plain.stdout()).isNotEmpty();
    assertThat(recorded.stderr()).isEqualTo(plain.stderr());
    Recordings.check(recorded.folder());
  }

  private static String inliningLog(List<String> options) {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+PrintInlining"));
    SampleRun run = recorded(all);
    assertThat(run.exitCode()).isZero();
    return run.stdout();
  }

  private static SampleRun recorded(List<String> jvmOptions) {
    String folder = SampleRuns.newFolder(SAMPLE).toString();
    List<String> command = SampleRuns.command(Jvm.JAVA_17, "output=" + folder, Samples.Debug.FULL, SAMPLE);
    // right after -javaagent, where the launchers put them
    command.addAll(2, jvmOptions);
    return SampleRuns.run(command, java.nio.file.Path.of(folder));
  }
}
