package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.testing.Jvm;
import dev.codetracer.core.trace.TraceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java 25's constructors with code before {@code super(...)}: that code is the constructor's,
 * stepped with its locals, and a throw there ends the constructor's call. Compiled by Java 25's
 * own javac, since the other samples are compiled for release 17.
 */
class FlexibleConstructorsIT {
  private static final String MAIN = "samples25.FlexibleConstructors";
  private static final Path SOURCE = Path.of("src/test/samples25/samples25/FlexibleConstructors.java").toAbsolutePath();

  @Test
  void codeBeforeSuperIsSteppedInsideTheConstructor() throws Exception {
    Jvm.JAVA_25.assumeInstalled();
    Path work = Files.createDirectories(Samples.WORK.resolve("flexible-constructors"));
    Path classes = compileWithJava25(work.resolve("classes"));
    SampleRun plain = SampleRuns.run(SampleRuns.command(Jvm.JAVA_25, null, classes.toString(), MAIN), null);
    Path folder = SampleRuns.newFolder("samples25.FlexibleConstructors");
    SampleRun recorded = SampleRuns.run(
        SampleRuns.command(Jvm.JAVA_25, "output=" + folder + ",sourcepath=" + SOURCE.getParent().getParent(), classes.toString(), MAIN), folder);

    assertThat(plain.stdout()).isEqualTo("checked 5\nmade 5\nchecked 500\nrefused checked 500\n");
    assertThat(recorded.stdout()).isEqualTo(plain.stdout());
    assertThat(recorded.exitCode()).isEqualTo(plain.exitCode()).isZero();

    TraceModel model = Recordings.check(folder);
    List<TraceModel.Call> constructors = model.callsOf("samples25.FlexibleConstructors.Checked.<constructor>");
    assertThat(constructors).hasSize(2);
    assertThat(constructors).allSatisfy(call -> assertThat(call.parent().orElseThrow().function()).isEqualTo("samples25.FlexibleConstructors.main"));
    assertThat(constructors.get(0).children()).extracting(TraceModel.Call::function)
        .containsExactly("samples25.FlexibleConstructors.Base.<constructor>");
    assertThat(Recordings.valuesAtLine(model, SOURCE, 21, "message")).containsExactly("\"checked 5\"", "\"checked 500\"");
    assertThat(Recordings.valuesAtLine(model, SOURCE, 25, "checked")).containsExactly("5");
    assertThat(constructors.get(1).children()).isEmpty();
    assertThat(constructors.get(1).returnValue().map(model::render).orElseThrow())
        .contains("threw java.lang.IllegalArgumentException: checked 500");
    assertThat(model.output().get(0).content()).isEqualTo("checked 5\n");
    assertThat(model.step(model.output().get(0).step()).call()).isEqualTo(constructors.get(0));
  }

  private static Path compileWithJava25(Path classes) throws IOException, InterruptedException {
    Path javac = Jvm.JAVA_25.java.resolveSibling("javac");
    Process process = new ProcessBuilder(javac.toString(), "-g", "-d", classes.toString(), SOURCE.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("javac: %s", output).isZero();
    return classes;
  }
}
