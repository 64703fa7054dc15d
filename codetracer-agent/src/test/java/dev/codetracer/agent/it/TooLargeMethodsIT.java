package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.testing.Jvm;
import dev.codetracer.core.trace.TraceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A method that fits the class file format's 64 KiB of code but not with its probes runs as it is,
 * and the rest of its class is recorded: the metadata names the method.
 */
class TooLargeMethodsIT {
  /**
   * Lines in the large method, each a branch (so each gets probes of its own): under 64 KiB of
   * bytecode unrecorded, past it with a step and a value per line.
   */
  private static final int LARGE_LINES = 2000;

  @Test
  void aMethodTooLargeWithProbesIsLeftAsItIsAndTheRestOfItsClassRecorded() throws IOException {
    Path work = Files.createDirectories(Samples.WORK.resolve("too-large-methods"));
    Path source = work.resolve("src/large/Large.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, program());
    Path classes = work.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, "-g", "--release", "17", "-d", classes.toString(), source.toString())).isZero();

    SampleRun plain = SampleRuns.run(SampleRuns.command(Jvm.JAVA_17, null, classes.toString(), "large.Large"), null);
    Path folder = SampleRuns.newFolder("large.Large");
    SampleRun recorded = SampleRuns.run(
        SampleRuns.command(Jvm.JAVA_17, "output=" + folder + ",sourcepath=" + work.resolve("src"), classes.toString(), "large.Large"),
        folder);

    assertThat(plain.stdout()).startsWith("large=").endsWith("small=42\n");
    assertThat(recorded.stdout()).isEqualTo(plain.stdout());
    assertThat(recorded.exitCode()).isEqualTo(plain.exitCode()).isZero();
    TraceModel model = Recordings.check(folder);
    assertThat(model.callsOf("large.Large.main")).hasSize(1);
    assertThat(model.callsOf("large.Large.small")).singleElement().hasToString("large.Large.small(q=21) -> 42");
    assertThat(model.callsOf("large.Large.large")).isEmpty();
    assertThat(Recordings.metadata(folder).extra().get("methods_not_instrumented"))
        .isEqualTo(List.of("large.Large.large(long, long): too large with probes"));
    assertThat(Recordings.metadata(folder).extra()).doesNotContainKey("classes_not_instrumented");
  }

  private static String program() {
    StringBuilder large = new StringBuilder();
    for (int i = 0; i < LARGE_LINES; i++) {
      large.append("    x += a * ").append(i).append(" + b; if (x > 1000000) x -= 999999;\n");
    }
    return """
        package large;

        public class Large {
          static long large(long a, long b) {
            long x = 0;
        %s    return x;
          }

          static int small(int q) {
            int r = q * 2;
            return r;
          }

          public static void main(String[] args) {
            System.out.println("large=" + large(3, 4));
            System.out.println("small=" + small(21));
          }
        }
        """.formatted(large);
  }
}
