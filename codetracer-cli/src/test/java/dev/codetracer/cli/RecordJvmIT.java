package dev.codetracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codetracer.core.recording.SourcePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code codetracer record} of real JVMs: what its summary says, and SIGTERM sent to it. */
class RecordJvmIT {
  @TempDir Path sandbox;

  @Test
  void theSummarySaysWhatTheRecordingLeftOut() throws Exception {
    Files.writeString(sandbox.resolve("Two.java"), """
        public class Two {
          public static void main(String[] args) throws Exception {
            Thread worker = new Thread(() -> {
              int x = 1;
              System.out.println("worker " + x);
            }, "worker");
            worker.start();
            worker.join();
            long sum = 0;
            for (int i = 0; i < 10_000; i++) {
              sum += i;
            }
            System.out.println(sum);
          }
        }
        """);

    CliProcess.Result result = CliProcess.in(sandbox).workdir(sandbox).run("record", "--recorder-options=maxSteps=1000", "--", "java", "Two.java");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).isEqualTo("worker 1\n49995000\n");
    assertThat(result.stderr()).contains(
        "holds:     trace.json (",
        ", 1000 steps), ",
        "\n  note:      cut short at step 1000: maxSteps (1000 steps) reached\n",
        "\n  note:      1 other thread ran unrecorded (worker): the recorder follows one thread\n");
  }

  @Test
  void commasInTheOutputFolderAndInAnEscapedOptionValueReachTheRecorder() throws Exception {
    Files.writeString(sandbox.resolve("Hello.java"), """
        public class Hello {
          public static void main(String[] args) {
            String secret = "s3cr3t";
            System.out.println("hello " + secret.length());
          }
        }
        """);
    Path output = sandbox.resolve("out,1");

    CliProcess.Result result = CliProcess.in(sandbox).workdir(sandbox)
        .run("record", "-o", output.toString(), "--recorder-options=redact=(?i)(se{1\\,2}cret)", "--", "java", "Hello.java");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).isEqualTo("hello 6\n");
    assertThat(result.stderr()).contains("recording: " + output + "\n");
    assertThat(output.resolve("trace.json")).isRegularFile();
    JsonNode metadata = new ObjectMapper().readTree(output.resolve("trace_metadata.json").toFile());
    assertThat(metadata.get("redaction_pattern").asText()).isEqualTo("(?i)(se{1,2}cret)");
  }

  /**
   * The JVM options in the environment reach the recorded program, unchanged, and only it: the
   * CLI's own JVM would also say "Picked up ..." (and load a -javaagent given there).
   */
  @Test
  void jvmOptionsInTheEnvironmentAreTheRecordedProgramsNotTheClis() throws Exception {
    Files.writeString(sandbox.resolve("Options.java"), """
        public class Options {
          public static void main(String[] args) {
            System.out.println(System.getProperty("tool") + " " + System.getProperty("jdk"));
            System.out.println(System.getenv("JAVA_TOOL_OPTIONS") + "|" + System.getenv("JDK_JAVA_OPTIONS"));
            System.out.println(System.getenv("CODETRACER_JAVA_TOOL_OPTIONS"));
          }
        }
        """);
    String toolOptions = "-Dtool=a  -Dother=b";

    CliProcess.Result result = CliProcess.in(sandbox).workdir(sandbox).throughLauncher()
        .env("JAVA_TOOL_OPTIONS", toolOptions)
        .env("JDK_JAVA_OPTIONS", "-Djdk=d")
        .run("record", "--", "java", "Options.java");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).isEqualTo("a d\n" + toolOptions + "|-Djdk=d\nnull\n");
    assertThat(result.stderr().split("Picked up JAVA_TOOL_OPTIONS", -1)).as(result.stderr()).hasSize(2);
    assertThat(result.stderr().split("Picked up JDK_JAVA_OPTIONS", -1)).as(result.stderr()).hasSize(2);
  }

  /** Classes compiled by hand ({@code javac -d classes src/...}) have their sources in the src beside them. */
  @Test
  void theSourcesOfAClassFolderAreFoundInTheSourceFolderBesideIt() throws Exception {
    Path source = sandbox.resolve("src/app/Main.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package app;\n\npublic class Main {\n  public static void main(String[] args) {\n"
        + "    int total = 4;\n    System.out.println(total);\n  }\n}\n");
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", sandbox.resolve("classes").toString(), source.toString()))
        .isZero();

    CliProcess.Result result = CliProcess.in(sandbox).workdir(sandbox).run("record", "-o", "rec", "--", "java", "-cp", "classes", "app.Main");

    assertThat(result.succeeded().stdout()).isEqualTo("4\n");
    assertThat(result.stderr()).contains("source/ (1 source file)");
    assertThat(sandbox.resolve("rec").resolve(SourcePaths.copyPath(source.toString()))).hasSameTextualContentAs(source);
  }

  /** A recorded JVM compiles with C1 alone (RecordedJit), unless the program's options choose how it compiles. */
  @Test
  void theRecordedJvmCompilesWithC1AloneUnlessItsOptionsChoose() throws Exception {
    Files.writeString(sandbox.resolve("Jit.java"), """
        import com.sun.management.HotSpotDiagnosticMXBean;
        import java.lang.management.ManagementFactory;

        public class Jit {
          public static void main(String[] args) {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            System.out.println(vm.getVMOption("TieredStopAtLevel").getValue() + " " + vm.getVMOption("TieredCompilation").getValue());
          }
        }
        """);

    CliProcess.Result recorded = CliProcess.in(sandbox).workdir(sandbox).run("record", "--", "java", "Jit.java");
    CliProcess.Result chosen = CliProcess.in(sandbox).workdir(sandbox)
        .run("record", "--", "java", "-XX:TieredStopAtLevel=4", "Jit.java");
    CliProcess.Result inEnvironment = CliProcess.in(sandbox).workdir(sandbox).env("JDK_JAVA_OPTIONS", "-XX:-TieredCompilation")
        .run("record", "--", "java", "Jit.java");
    Files.writeString(sandbox.resolve("c2.options"), "-XX:TieredStopAtLevel=4\n");
    CliProcess.Result inAnArgumentFile = CliProcess.in(sandbox).workdir(sandbox).env("JDK_JAVA_OPTIONS", "@c2.options")
        .run("record", "--", "java", "Jit.java");

    assertThat(recorded.succeeded().stdout()).isEqualTo("1 true\n");
    assertThat(chosen.succeeded().stdout()).isEqualTo("4 true\n");
    assertThat(inEnvironment.succeeded().stdout()).endsWith(" false\n");
    assertThat(inAnArgumentFile.succeeded().stdout()).isEqualTo("4 true\n");
  }

  @Test
  void theRecordedJvmCollectsWithTheParallelCollectorUnlessItsOptionsChoose() throws Exception {
    Files.writeString(sandbox.resolve("Gc.java"), """
        import java.lang.management.GarbageCollectorMXBean;
        import java.lang.management.ManagementFactory;

        public class Gc {
          public static void main(String[] args) {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
              System.out.println(collector.getName());
            }
          }
        }
        """);

    Path output = sandbox.resolve("gc-recording");
    CliProcess.Result recorded = CliProcess.in(sandbox).workdir(sandbox).run("record", "-o", output.toString(), "--", "java", "Gc.java");
    CliProcess.Result chosen = CliProcess.in(sandbox).workdir(sandbox).run("record", "--", "java", "-XX:+UseSerialGC", "Gc.java");
    CliProcess.Result tuned = CliProcess.in(sandbox).workdir(sandbox).env("JAVA_TOOL_OPTIONS", "-XX:MaxGCPauseMillis=50")
        .run("record", "--", "java", "Gc.java");

    assertThat(recorded.succeeded().stdout().lines()).contains("PS Scavenge");
    assertThat(chosen.succeeded().stdout().lines()).contains("Copy");
    assertThat(tuned.succeeded().stdout().lines()).as("the JVM's own default collector").contains("G1 Young Generation");
    assertThat(Files.readString(output.resolve("trace_metadata.json")))
        .as("the command as the user typed it")
        .contains("Gc.java")
        .doesNotContain("UseParallelGC");
  }

  /**
   * With the Parallel collector one object can take only about two thirds of the heap, where G1
   * gives it nearly all: a program that sizes its heap keeps its collector, and so runs as it
   * does unrecorded.
   */
  @Test
  void aProgramThatSizesItsHeapKeepsItsCollectorAndWhatFitsInIt() throws Exception {
    Files.writeString(sandbox.resolve("Big.java"), """
        public class Big {
          public static void main(String[] args) {
            byte[] big = new byte[70 << 20];
            System.out.println("allocated " + (big.length >> 20) + " MB");
          }
        }
        """);

    CliProcess.Result recorded = CliProcess.in(sandbox).workdir(sandbox).run("record", "--", "java", "-Xmx100m", "Big.java");

    assertThat(recorded.succeeded().stdout()).as("as unrecorded, with G1").isEqualTo("allocated 70 MB\n");
  }

  @Test
  void aJvmThatRanNoRecordedCodeSaysSo() {
    CliProcess.Result result = CliProcess.in(sandbox).workdir(sandbox).run("record", "--", "java", "-cp", ".", "NoSuchClass");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.stderr()).contains("Could not find or load main class NoSuchClass", ", 0 steps), ",
        "\n  note:      no recorded code ran: the JVM ended before the program's main method ran");
  }

  @Test
  void theSummaryStartsOnALineOfItsOwnAfterOutputThatDidNotEndOne() throws Exception {
    Files.writeString(sandbox.resolve("NoNewline.java"), """
        public class NoNewline {
          public static void main(String[] args) {
            System.out.print(args.length > 0 ? "done\\n" : "done");
          }
        }
        """);

    CliProcess.Result unended = CliProcess.in(sandbox).workdir(sandbox).run("record", "--", "java", "NoNewline.java");
    CliProcess.Result ended = CliProcess.in(sandbox).workdir(sandbox).run("record", "--", "java", "NoNewline.java", "ended");

    assertThat(unended.stdout()).isEqualTo("done");
    assertThat(unended.stderr()).as(unended.toString()).startsWith("\ncodetracer: recorded `java NoNewline.java` (exit code 0)");
    assertThat(ended.stdout()).isEqualTo("done\n");
    assertThat(ended.stderr()).as(ended.toString()).startsWith("codetracer: recorded `java NoNewline.java ended` (exit code 0)");
  }

  @Test
  void aProgramThatHaltsIsRecordedUpToTheHaltWithItsExitCode() throws Exception {
    Files.writeString(sandbox.resolve("Halts.java"), """
        public class Halts {
          public static void main(String[] args) {
            System.out.println("halting");
            Runtime.getRuntime().halt(7);
          }
        }
        """);

    CliProcess.Result result = CliProcess.in(sandbox).workdir(sandbox).run("record", "--", "java", "Halts.java");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
    assertThat(result.stdout()).isEqualTo("halting\n");
    assertThat(result.stderr()).as(result.toString()).startsWith("codetracer: recorded `java Halts.java` (exit code 7)");
    JsonNode rows = new ObjectMapper().readTree(CliProcess.in(sandbox).run("list", "--json").stdout());
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.get("exit_code").asInt()).isEqualTo(7);
      JsonNode metadata = new ObjectMapper().readTree(Path.of(row.get("folder").asText()).resolve("trace_metadata.json").toFile());
      assertThat(metadata.get("steps").asLong()).isPositive();
      assertThat(metadata.has("recorder_killed")).as("the agent ended its change log").isFalse();
    });
  }

  /** A halt through reflection is the JDK's call, not recorded code: it ends the JVM as a SIGKILL would. */
  @Test
  void aProgramThatHaltsBeforeAnythingIsRecordedStillGivesItsExitCode() throws Exception {
    Files.writeString(sandbox.resolve("Halts.java"), """
        public class Halts {
          public static void main(String[] args) throws Exception {
            System.out.println("halting");
            Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), 7);
          }
        }
        """);

    CliProcess.Result result = CliProcess.in(sandbox).workdir(sandbox).run("record", "--", "java", "Halts.java");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
    assertThat(result.stdout()).isEqualTo("halting\n");
    assertThat(result.stderr()).contains("codetracer: error: no recording: java exited with code 7 before the JVM recorder wrote anything");
  }

  /**
   * SIGTERM sent to {@code codetracer record} (a CI job's timeout, {@code kill}) goes to the
   * program, which ends as it would unrecorded, and the recording is still finished and registered.
   */
  @Test
  void sigtermToCodetracerEndsTheProgramAndKeepsTheRecording() throws Exception {
    Files.writeString(sandbox.resolve("Sleeper.java"), """
        import java.nio.file.Files;
        import java.nio.file.Path;

        public class Sleeper {
          public static void main(String[] args) throws Exception {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
            int total = 0;
            for (int i = 0; i < 3; i++) {
              total += i;
            }
            System.out.println("started " + total);
            Files.writeString(Path.of("started"), "");
            // until SIGTERM ends it
            Thread.currentThread().join();
          }
        }
        """);
    // once the program has started, the shell's child sends SIGTERM to the CLI (exec kept the shell's pid)
    CliProcess cli = CliProcess.in(sandbox).workdir(sandbox)
        .shellPrefix("{ (while [ ! -e started ]; do sleep 0.1; done; kill -TERM $$) & }");

    CliProcess.Result result = cli.run("record", "--", "java", "Sleeper.java");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(128 + 15);
    assertThat(result.stdout()).contains("started 3", "shutdown hook ran");
    assertThat(result.stderr()).contains("codetracer: recorded `java Sleeper.java` (exit code 143)");
    JsonNode rows = new ObjectMapper().readTree(CliProcess.in(sandbox).run("list", "--json").stdout());
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.get("exit_code").asInt()).isEqualTo(143);
      assertThat(Path.of(row.get("folder").asText()).resolve("trace.json")).isRegularFile();
    });
  }
}
