package dev.codetracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codetracer.core.testing.Jvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codetracer record -- java Main.java}: the source file is compiled beforehand (for its local
 * variable names), and the recorded program is still the one {@code java Main.java} runs.
 */
class RecordSourceFileIT {
  @TempDir Path sandbox;

  /** What the plain launcher does with a command, run in the sandbox. */
  private record Plain(int exitCode, String stdout, String stderr) {
    void shows(int expectedExitCode, String expectedStdout) {
      assertThat(exitCode).as("the plain launcher's exit code; stderr:\n%s", stderr).isEqualTo(expectedExitCode);
      assertThat(stdout).as("the plain launcher's output").isEqualTo(expectedStdout);
    }
  }

  private Plain runPlain(Map<String, String> environment, Jvm jvm, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(jvm.java.toString()));
    command.addAll(List.of(args));
    Path out = Files.createDirectories(sandbox.resolve("plain")).resolve("out.txt");
    Path err = out.resolveSibling("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(sandbox.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(environment);
    return new Plain(builder.start().waitFor(), Files.readString(out), Files.readString(err));
  }

  private Plain runPlain(Jvm jvm, String... args) throws IOException, InterruptedException {
    return runPlain(Map.of(), jvm, args);
  }

  private CliProcess cli() {
    return CliProcess.in(sandbox).workdir(sandbox);
  }

  private CliProcess.Result record(CliProcess cli, Path output, Jvm jvm, String... args) {
    List<String> command = new ArrayList<>(List.of("record", "-o", output.toString(), "--", jvm.java.toString()));
    command.addAll(List.of(args));
    return cli.run(command);
  }

  private CliProcess.Result record(Path output, Jvm jvm, String... args) {
    return record(cli(), output, jvm, args);
  }

  private static JsonNode metadata(Path output) throws IOException {
    return new ObjectMapper().readTree(output.resolve("trace_metadata.json").toFile());
  }

  /** {@code multi/App.java} and its {@code multi/Helper.java}, run from the folder above. */
  private void writeMultiFileProgram() throws IOException {
    Files.createDirectories(sandbox.resolve("multi"));
    Files.writeString(sandbox.resolve("multi/App.java"), """
        public class App {
          public static void main(String[] args) {
            System.out.println("helper says " + new Helper().say());
          }
        }
        """);
    Files.writeString(sandbox.resolve("multi/Helper.java"), """
        public class Helper {
          String say() {
            int n = 3;
            return "multi-file " + n;
          }
        }
        """);
  }

  private void writeHelperInTheWorkingDirectory() throws IOException {
    Files.writeString(sandbox.resolve("Helper.java"), """
        public class Helper {
          String say() {
            return "the working directory's helper";
          }
        }
        """);
  }

  @Test
  void onJava25AProgramOfSeveralFilesIsRecordedWithTheLocalNamesOfEachFile() throws Exception {
    Jvm.JAVA_25.assumeInstalled();
    writeMultiFileProgram();
    Path output = sandbox.resolve("rec");

    CliProcess.Result result = record(output, Jvm.JAVA_25, "multi/App.java");

    assertThat(result.succeeded().stdout()).isEqualTo("helper says multi-file 3\n");
    JsonNode metadata = metadata(output);
    assertThat(metadata.has("source_file_compiled_with")).as(metadata.toString()).isTrue();
    assertThat(metadata.has("classes_without_debug_info")).as(metadata.toString()).isFalse();
  }

  @Test
  void onJava25AProgramStartedInsideItsPackageFolderIsRecordedWithTheSourceOfEachFile() throws Exception {
    Jvm.JAVA_25.assumeInstalled();
    Path packageFolder = Files.createDirectories(sandbox.resolve("p/com/acme/util")).getParent();
    Files.writeString(packageFolder.resolve("Main.java"), """
        package com.acme;
        import com.acme.util.Helper;
        public class Main {
          public static void main(String[] args) {
            System.out.println(Helper.twice(Other.three()));
          }
        }
        """);
    Files.writeString(packageFolder.resolve("Other.java"), """
        package com.acme;
        class Other {
          static int three() {
            return 3;
          }
        }
        """);
    Files.writeString(packageFolder.resolve("util/Helper.java"), """
        package com.acme.util;
        public class Helper {
          public static int twice(int n) {
            return 2 * n;
          }
        }
        """);
    Path output = sandbox.resolve("rec");

    CliProcess.Result result = record(cli().workdir(packageFolder), output, Jvm.JAVA_25, "Main.java");

    assertThat(result.succeeded().stdout()).isEqualTo("6\n");
    Path recordedSources = output.resolve("source").resolve(sandbox.getRoot().relativize(packageFolder));
    assertThat(recordedSources.resolve("Main.java")).hasSameTextualContentAs(packageFolder.resolve("Main.java"));
    assertThat(recordedSources.resolve("Other.java")).hasSameTextualContentAs(packageFolder.resolve("Other.java"));
    assertThat(recordedSources.resolve("util/Helper.java")).hasSameTextualContentAs(packageFolder.resolve("util/Helper.java"));
    assertThat(metadata(output).has("classes_without_source")).as(metadata(output).toString()).isFalse();
  }

  @Test
  void onJava25ASourceFileOfTheSameNameInTheWorkingDirectoryIsNotTheProgramsOwn() throws Exception {
    Jvm.JAVA_25.assumeInstalled();
    writeMultiFileProgram();
    writeHelperInTheWorkingDirectory();

    CliProcess.Result result = record(sandbox.resolve("rec"), Jvm.JAVA_25, "multi/App.java");

    runPlain(Jvm.JAVA_25, "multi/App.java").shows(0, "helper says multi-file 3\n");
    assertThat(result.succeeded().stdout()).isEqualTo("helper says multi-file 3\n");
  }

  @Test
  void onJava17AProgramOfSeveralFilesFailsToCompileAsItDoesUnrecorded() throws Exception {
    writeMultiFileProgram();
    writeHelperInTheWorkingDirectory();

    CliProcess.Result result = record(sandbox.resolve("rec"), Jvm.JAVA_17, "multi/App.java");

    runPlain(Jvm.JAVA_17, "multi/App.java").shows(1, "");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).contains("error: cannot find symbol", "error: compilation failed");
  }

  @Test
  void theClassPathEnvironmentVariableIsTheRecordedProgramsClassPath() throws Exception {
    Path childSource = Files.createDirectories(sandbox.resolve("child-source")).resolve("Child.java");
    Files.writeString(childSource, """
        public class Child {
          public static String greet() {
            return "child ran";
          }
        }
        """);
    Process javac = new ProcessBuilder(Jvm.JAVA_17.java.resolveSibling("javac").toString(),
        "-d", sandbox.resolve("cls").toString(), childSource.toString()).inheritIO().start();
    assertThat(javac.waitFor()).isZero();
    Files.writeString(sandbox.resolve("UsesChild.java"), """
        public class UsesChild {
          public static void main(String[] args) {
            System.out.println(Child.greet());
          }
        }
        """);
    Map<String, String> classPath = Map.of("CLASSPATH", sandbox.resolve("cls").toString());
    Path output = sandbox.resolve("rec");

    CliProcess.Result result = record(cli().env("CLASSPATH", classPath.get("CLASSPATH")), output, Jvm.JAVA_17, "UsesChild.java");

    runPlain(classPath, Jvm.JAVA_17, "UsesChild.java").shows(0, "child ran\n");
    assertThat(result.succeeded().stdout()).isEqualTo("child ran\n");
    assertThat(metadata(output).has("source_file_compiled_with")).as("compiled beforehand, not run by the launcher").isTrue();
  }

  private void writeProgramWithWarnings() throws IOException {
    Files.writeString(sandbox.resolve("Warn.java"), """
        import java.util.*;
        public class Warn {
          public static void main(String[] args) {
            Integer i = new Integer(5);
            List raw = new ArrayList();
            raw.add("x");
            System.out.println("warn " + i + raw);
          }
        }
        """);
  }

  @Test
  void theCompilersWarningsAreOnStandardErrorAsTheLaunchersAre() throws Exception {
    assertTheCompilersWarningsAreAsTheLaunchers(Jvm.JAVA_17, "Warn.java:4: warning: [removal]", "Note: Warn.java uses unchecked or unsafe operations.");
  }

  @Test
  void onJava25TheCompilersWarningsAreOnStandardErrorInFullAsTheLaunchersAre() throws Exception {
    Jvm.JAVA_25.assumeInstalled();
    assertTheCompilersWarningsAreAsTheLaunchers(Jvm.JAVA_25, "Warn.java:4: warning: [deprecation]", "Warn.java:6: warning: [unchecked]");
  }

  /** The launcher on its own prints {@code warnings}; recorded, the same comes first on standard error. */
  private void assertTheCompilersWarningsAreAsTheLaunchers(Jvm jvm, String... warnings) throws Exception {
    writeProgramWithWarnings();

    CliProcess.Result result = record(sandbox.resolve("rec"), jvm, "Warn.java");

    Plain plain = runPlain(jvm, "Warn.java");
    plain.shows(0, "warn 5[x]\n");
    assertThat(plain.stderr()).contains(warnings);
    assertThat(result.succeeded().stdout()).isEqualTo("warn 5[x]\n");
    assertThat(result.stderr()).startsWith(plain.stderr() + "codetracer: recorded `");
  }
}
