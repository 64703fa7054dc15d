package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.testing.Jvm;
import dev.codetracer.core.trace.TraceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A program whose classes refer to a class missing at run time (an optional dependency left off
 * the class path) runs as it does unrecorded: the recorder reads its records and objects without
 * loading the missing class, and shows what it cannot list as a marker.
 */
class MissingClassesIT {
  private static final String PROGRAM =
      """
      package missing;

      import java.util.ArrayList;
      import java.util.List;

      public class Holders {
        record Holder(OptionalDependency dependency, int count) {}

        static class Plain {
          OptionalDependency dependency;
          int count = 2;
        }

        public static void main(String[] args) {
          Holder holder = new Holder(null, 1);
          Plain plain = new Plain();
          List<Holder> holders = new ArrayList<>();
          holders.add(holder);
          plain.count += holder.count();
          System.out.println("count " + plain.count + ", holders " + holders.size());
        }
      }
      """;
  /** The line of the {@code println} in {@link #PROGRAM}. */
  private static final int PRINT_LINE = 20;

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Jvm.class)
  void recordsAProgramThatUsesClassesWhoseFieldTypesAreMissing(Jvm jvm) throws IOException {
    jvm.assumeInstalled();
    Path work = Files.createDirectories(Samples.WORK.resolve("missing-classes-" + jvm));
    Path classes = compile(work);
    Files.delete(classes.resolve("missing/OptionalDependency.class"));

    SampleRun plain = SampleRuns.run(SampleRuns.command(jvm, null, classes.toString(), "missing.Holders"), null);
    Path folder = SampleRuns.newFolder("missing.Holders");
    SampleRun recorded = SampleRuns.run(
        SampleRuns.command(jvm, "output=" + folder + ",sourcepath=" + work.resolve("src"), classes.toString(), "missing.Holders"), folder);

    assertThat(plain.stdout()).isEqualTo("count 3, holders 1\n");
    assertThat(recorded.stderr()).isEqualTo(plain.stderr());
    assertThat(recorded.stdout()).isEqualTo(plain.stdout());
    assertThat(recorded.exitCode()).isEqualTo(plain.exitCode()).isZero();

    TraceModel model = Recordings.check(folder);
    Path source = work.resolve("src/missing/Holders.java");
    assertThat(Recordings.valuesAtLine(model, source, PRINT_LINE, "holder"))
        .singleElement()
        .asString()
        .contains("<unreadable>");
    assertThat(Recordings.valuesAtLine(model, source, PRINT_LINE, "plain"))
        .singleElement()
        .asString()
        .contains("<unreadable>");
    assertThat(Recordings.valuesAtLine(model, source, PRINT_LINE, "holders")).singleElement().asString().contains("<unreadable>");
  }

  private static Path compile(Path work) throws IOException {
    Path sources = Files.createDirectories(work.resolve("src/missing"));
    Files.writeString(sources.resolve("OptionalDependency.java"), "package missing;\n\npublic class OptionalDependency {}\n");
    Files.writeString(sources.resolve("Holders.java"), PROGRAM);
    Path classes = work.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(null, null, null, "-g", "--release", "17", "-d", classes.toString(),
            sources.resolve("OptionalDependency.java").toString(), sources.resolve("Holders.java").toString());
    assertThat(status).as("javac exit status").isZero();
    return classes;
  }
}
