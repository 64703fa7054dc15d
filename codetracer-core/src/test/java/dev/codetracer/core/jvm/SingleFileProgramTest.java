package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.testing.Jvm;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleFileProgramTest {
  @TempDir Path workdir;

  private Path write(String relative, String text) throws Exception {
    Path file = workdir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void recognisesOnlyTheSourceLaunchersForm() throws Exception {
    write("src/Main.java", "class Main { public static void main(String[] a) {} }");
    assertThat(SingleFileProgram.of(List.of("java", "src/Main.java", "x.java"), workdir)).isPresent();
    assertThat(SingleFileProgram.of(List.of("java", "-cp", "lib.jar", "--source", "17", "src/Main.java"), workdir)).isPresent();
    assertThat(SingleFileProgram.of(List.of("java", "-cp", "src/Main.java", "Main"), workdir))
        .as("a value of -cp is not the program").isEmpty();
    assertThat(SingleFileProgram.of(List.of("java", "-jar", "app.jar", "src/Main.java"), workdir)).isEmpty();
    assertThat(SingleFileProgram.of(List.of("java", "Missing.java"), workdir)).isEmpty();
    assertThat(SingleFileProgram.of(List.of("java", "-cp", "classes", "com.acme.Main"), workdir)).isEmpty();
  }

  @Test
  void theSourceRootIsTheRootOfTheFilesPackageFolders() throws Exception {
    write("p/com/acme/Main.java", "package com.acme;\npublic class Main { public static void main(String[] a) {} }\n");
    write("flat/Main.java", "package com.acme;\npublic class Main { public static void main(String[] a) {} }\n");
    Path packageFolder = workdir.resolve("p/com/acme");

    assertThat(SingleFileProgram.of(List.of("java", "Main.java"), packageFolder).orElseThrow().sourceRoot(packageFolder))
        .isEqualTo(workdir.resolve("p"));
    assertThat(SingleFileProgram.of(List.of("java", "flat/Main.java"), workdir).orElseThrow().sourceRoot(workdir))
        .as("folders not the package's: the file's own").isEqualTo(workdir.resolve("flat"));
  }

  @Test
  void theMainClassIsTheFirstTopLevelClass() throws Exception {
    Path file = write("Shop.java", "package com.acme;\nrecord Item(int p) {}\nclass Shop { public static void main(String[] a) {} }\n");
    assertThat(SingleFileProgram.mainClass(file)).isEqualTo("com.acme.Item");
    Path plain = write("Tool.java", "class Tool { public static void main(String[] a) {} }\nclass Helper {}\n");
    assertThat(SingleFileProgram.mainClass(plain)).isEqualTo("Tool");
  }

  @Test
  void compilesWithLocalVariableNamesAndRunsTheClassFromItsClasses() throws Exception {
    write("src/app/Main.java", "package app;\npublic class Main { public static void main(String[] a) { int total = 4; System.out.println(total); } }\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    SingleFileProgram program = SingleFileProgram.of(List.of(java, "-Xmx64m", "src/app/Main.java", "arg"), workdir).orElseThrow();
    Path classes = workdir.resolve("out/classes");

    Optional<List<String>> command = program.compile(workdir, Map.of(), classes).map(SingleFileProgram.Compiled::command);

    assertThat(command).as("the launcher's class path, the working directory, after the classes")
        .contains(List.of(java, "-Xmx64m", "-Djdk.launcher.sourcefile=" + workdir.resolve("src/app/Main.java"),
            "-cp", classes + File.pathSeparator + ".", "app.Main", "arg"));
    byte[] bytes = Files.readAllBytes(classes.resolve("app/Main.class"));
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
        .as("compiled with -g: the local's name is in the LocalVariableTable").contains("LocalVariableTable", "total");
    Process run = new ProcessBuilder(command.get()).directory(workdir.toFile()).redirectErrorStream(true).start();
    assertThat(new String(run.getInputStream().readAllBytes())).isEqualTo("4\n");
    assertThat(run.waitFor()).isZero();
  }

  @Test
  void fromJava23PreviewFeaturesWithoutSourceAreCompiledForTheJavaThatRunsThem() throws Exception {
    Jvm.JAVA_25.assumeInstalled();
    write("Preview.java", "public class Preview { public static void main(String[] a) { int n = 3; System.out.println(n); } }\n");
    String java = Jvm.JAVA_25.java.toString();
    SingleFileProgram program = SingleFileProgram.of(List.of(java, "--enable-preview", "Preview.java"), workdir).orElseThrow();

    List<String> command = program.compile(workdir, Map.of(), workdir.resolve("out/classes")).orElseThrow().command();

    assertThat(command).contains("--enable-preview").endsWith("Preview");
    Process run = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
    assertThat(new String(run.getInputStream().readAllBytes())).isEqualTo("3\n");
    assertThat(run.waitFor()).isZero();
  }

  @Test
  void beforeJava23PreviewFeaturesWithoutSourceRunAsGivenForTheLauncherRefusesThem() throws Exception {
    write("Preview.java", "public class Preview { public static void main(String[] a) { System.out.println(3); } }\n");
    List<String> command = List.of(Jvm.JAVA_17.java.toString(), "--enable-preview", "Preview.java");
    Process plain = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
    assertThat(new String(plain.getInputStream().readAllBytes())).contains("error: --enable-preview must be used with --source");
    assertThat(plain.waitFor()).isEqualTo(1);

    SingleFileProgram program = SingleFileProgram.of(command, workdir).orElseThrow();

    assertThat(program.compile(workdir, Map.of(), workdir.resolve("out/classes"))).isEmpty();
  }

  @Test
  void aFileThatDoesNotCompileRunsAsGiven() throws Exception {
    write("Broken.java", "class Broken { void x( }");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    SingleFileProgram program = SingleFileProgram.of(List.of(java, "Broken.java"), workdir).orElseThrow();
    assertThat(program.compile(workdir, Map.of(), workdir.resolve("classes"))).isEmpty();
  }

  @Test
  void aFileNotInTheLaunchersEncodingRunsAsGivenWithoutAWordOnStandardError() throws Exception {
    // "café" in Latin-1: the launcher reads the é as U+FFFD and says nothing; javac refuses it
    byte[] latin1 = "public class Lat { public static void main(String[] a) { String s = \"caf\u00e9\"; System.out.println(s.length() + \" \" + (int) s.charAt(3)); } }\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(workdir.resolve("Lat.java"), latin1);
    List<String> command = List.of(Jvm.JAVA_17.java.toString(), "Lat.java");
    assertThat(launchersStandardError(command)).isEmpty();
    assertThat(run(command)).isEqualTo("4 65533\n");
    SingleFileProgram program = SingleFileProgram.of(command, workdir).orElseThrow();
    ByteArrayOutputStream codetracersStandardError = new ByteArrayOutputStream();
    PrintStream standardError = System.err;
    Optional<SingleFileProgram.Compiled> compiled;
    System.setErr(new PrintStream(codetracersStandardError, true));
    try {
      compiled = program.compile(workdir, Map.of(), workdir.resolve("out/classes"));
    } finally {
      System.setErr(standardError);
    }

    assertThat(compiled).as("the launcher runs it, as javac cannot compile it").isEmpty();
    assertThat(codetracersStandardError.toString()).as("nothing the launcher would not print").isEmpty();
  }

  /** {@code multi/App.java} using {@code Helper} of {@code multi/Helper.java}, and another Helper.java in the working directory. */
  private void writeMultiFileProgramAndAnotherHelper() throws Exception {
    write("multi/App.java", "public class App { public static void main(String[] a) { System.out.println(new Helper().say()); } }\n");
    write("multi/Helper.java", "public class Helper { String say() { int n = 3; return \"multi-file \" + n; } }\n");
    write("Helper.java", "public class Helper { String say() { return \"the working directory's\"; } }\n");
  }

  private String run(List<String> command) throws Exception {
    Process run = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
    String output = new String(run.getInputStream().readAllBytes());
    assertThat(run.waitFor()).as(output).isZero();
    return output;
  }

  @Test
  void beforeJava22NoOtherSourceFileIsCompiledNotEvenOneInTheWorkingDirectory() throws Exception {
    writeMultiFileProgramAndAnotherHelper();
    SingleFileProgram program = SingleFileProgram.of(List.of(Jvm.JAVA_17.java.toString(), "multi/App.java"), workdir).orElseThrow();

    assertThat(program.compile(workdir, Map.of(), workdir.resolve("out/classes")))
        .as("the launcher cannot compile it (cannot find symbol Helper), so it runs as given").isEmpty();
  }

  @Test
  void fromJava22TheOtherSourceFilesAreThoseBesideTheFileNotTheWorkingDirectorys() throws Exception {
    Jvm.JAVA_25.assumeInstalled();
    writeMultiFileProgramAndAnotherHelper();
    SingleFileProgram program = SingleFileProgram.of(List.of(Jvm.JAVA_25.java.toString(), "multi/App.java"), workdir).orElseThrow();
    Path classes = workdir.resolve("out/classes");

    List<String> command = program.compile(workdir, Map.of(), classes).orElseThrow().command();

    assertThat(run(command)).isEqualTo("multi-file 3\n");
    assertThat(new String(Files.readAllBytes(classes.resolve("Helper.class")), StandardCharsets.ISO_8859_1))
        .as("the other file is compiled with -g too").contains("LocalVariableTable");
  }

  @Test
  void fromJava22AProgramOfSeveralFilesInAPackageCompilesFromAnotherDirectory() throws Exception {
    Jvm.JAVA_25.assumeInstalled();
    write("src/app/Main.java", "package app;\npublic class Main { public static void main(String[] a) { System.out.println(Util.twice(2)); } }\n");
    write("src/app/Util.java", "package app;\nclass Util { static int twice(int x) { return 2 * x; } }\n");
    SingleFileProgram program = SingleFileProgram.of(List.of(Jvm.JAVA_25.java.toString(), "src/app/Main.java"), workdir).orElseThrow();

    List<String> command = program.compile(workdir, Map.of(), workdir.resolve("out/classes")).orElseThrow().command();

    assertThat(run(command)).isEqualTo("4\n");
  }

  /** {@code UsesChild.java}, whose class Child is compiled into {@code folder} (a folder of the working directory). */
  private void writeProgramUsingAClassIn(String folder) throws Exception {
    Path child = write("child-source/Child.java", "public class Child { public static String greet() { return \"child ran\"; } }\n");
    Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        "-d", workdir.resolve(folder).toString(), child.toString()).inheritIO().start();
    assertThat(javac.waitFor()).isZero();
    write("UsesChild.java", "public class UsesChild { public static void main(String[] a) { System.out.println(Child.greet()); } }\n");
  }

  @Test
  void theClassesInTheWorkingDirectoryAreOnTheClassPathAsTheyAreForTheLauncher() throws Exception {
    writeProgramUsingAClassIn(".");
    SingleFileProgram program = SingleFileProgram.of(List.of(Jvm.JAVA_17.java.toString(), "UsesChild.java"), workdir).orElseThrow();

    List<String> command = program.compile(workdir, Map.of(), workdir.resolve("out/classes")).orElseThrow().command();

    assertThat(run(command)).isEqualTo("child ran\n");
  }

  @Test
  void theClassPathEnvironmentVariableIsTheLaunchersClassPathForCompilingAndRunning() throws Exception {
    writeProgramUsingAClassIn("lib");
    SingleFileProgram program = SingleFileProgram.of(List.of(Jvm.JAVA_17.java.toString(), "UsesChild.java"), workdir).orElseThrow();

    List<String> command =
        program.compile(workdir, Map.of("CLASSPATH", workdir.resolve("lib").toString()), workdir.resolve("out/classes")).orElseThrow().command();

    assertThat(command).as("the command itself gives the class path").contains("-cp");
    assertThat(run(command)).as("the compiled command runs without CLASSPATH").isEqualTo("child ran\n");
  }

  /** The output of the plain launcher's command on its standard error, when it ran with its standard output discarded. */
  private String launchersStandardError(List<String> command) throws Exception {
    Path err = workdir.resolve("plain-err.txt");
    Process plain = new ProcessBuilder(command).directory(workdir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    assertThat(plain.waitFor()).isZero();
    return Files.readString(err);
  }

  private void writeProgramWithWarnings() throws Exception {
    write("Warn.java", """
        import java.util.*;
        public class Warn {
          public static void main(String[] args) {
            Integer i = new Integer(5);
            List raw = new ArrayList();
            raw.add("x");
            System.out.println(i + " " + raw);
          }
        }
        """);
  }

  @Test
  void theCompilersWarningsAreThoseTheLauncherPrints() throws Exception {
    writeProgramWithWarnings();
    List<String> command = List.of(Jvm.JAVA_17.java.toString(), "Warn.java");

    SingleFileProgram.Compiled compiled =
        SingleFileProgram.of(command, workdir).orElseThrow().compile(workdir, Map.of(), workdir.resolve("out/classes")).orElseThrow();

    assertThat(compiled.compilerMessages())
        .contains("Warn.java:4: warning: [removal] Integer(int) in Integer has been deprecated and marked for removal", "Note: ")
        .isEqualTo(launchersStandardError(command));
  }

  @Test
  void fromJava22TheCompilersWarningsAreThoseTheLauncherPrintsInFull() throws Exception {
    Jvm.JAVA_25.assumeInstalled();
    writeProgramWithWarnings();
    List<String> command = List.of(Jvm.JAVA_25.java.toString(), "Warn.java");

    SingleFileProgram.Compiled compiled =
        SingleFileProgram.of(command, workdir).orElseThrow().compile(workdir, Map.of(), workdir.resolve("out/classes")).orElseThrow();

    assertThat(compiled.compilerMessages())
        .contains("Warn.java:4: warning: [deprecation]", "Warn.java:6: warning: [unchecked]")
        .isEqualTo(launchersStandardError(command));
  }

  @Test
  void onJava25ThePreviewFeaturesNotesAreNotShownAsTheLauncherDoesNotShowThem() throws Exception {
    Jvm.JAVA_25.assumeInstalled();
    write("Prev.java", """
        public class Prev {
          public static void main(String[] args) {
            Object o = 42;
            System.out.println(switch (o) { case int i when i > 40 -> "big"; default -> "other"; });
          }
        }
        """);
    for (List<String> options : List.of(List.of("--enable-preview"), List.of("--enable-preview", "--source", "25"))) {
      List<String> command = new ArrayList<>(List.of(Jvm.JAVA_25.java.toString()));
      command.addAll(options);
      command.add("Prev.java");

      SingleFileProgram.Compiled compiled = SingleFileProgram.of(command, workdir).orElseThrow()
          .compile(workdir, Map.of(), workdir.resolve("out/classes")).orElseThrow();

      assertThat(compiled.compilerMessages()).as(String.join(" ", options)).isEqualTo(launchersStandardError(command)).isEmpty();
      assertThat(run(compiled.command())).isEqualTo("big\n");
    }
  }

  @Test
  void onJava17ThePreviewFeaturesNotesAreShownAsTheLauncherShowsThem() throws Exception {
    write("Prev.java", """
        public class Prev {
          public static void main(String[] args) {
            Object o = 42;
            System.out.println(switch (o) { case Integer i && i > 40 -> "big"; default -> "other"; });
          }
        }
        """);
    List<String> command = List.of(Jvm.JAVA_17.java.toString(), "--enable-preview", "--source", "17", "Prev.java");

    SingleFileProgram.Compiled compiled =
        SingleFileProgram.of(command, workdir).orElseThrow().compile(workdir, Map.of(), workdir.resolve("out/classes")).orElseThrow();

    assertThat(compiled.compilerMessages()).contains("Note: Prev.java uses preview features of Java SE 17.").isEqualTo(launchersStandardError(command));
  }

  @Test
  void aProgramWithoutWarningsHasNoCompilerMessages() throws Exception {
    write("Quiet.java", "public class Quiet { public static void main(String[] a) { } }\n");
    SingleFileProgram program = SingleFileProgram.of(List.of(Jvm.JAVA_17.java.toString(), "Quiet.java"), workdir).orElseThrow();

    assertThat(program.compile(workdir, Map.of(), workdir.resolve("out/classes")).orElseThrow().compilerMessages()).isEmpty();
  }

  @Test
  void theProgramIsToldItsSourceFileAsTheLauncherTellsIt() throws Exception {
    write("src/Where.java", "public class Where { public static void main(String[] a) { System.out.println(System.getProperty(\"jdk.launcher.sourcefile\")); } }\n");
    List<String> plain = List.of(Jvm.JAVA_17.java.toString(), "-Djdk.launcher.sourcefile=mine", "./src/../src/Where.java");
    SingleFileProgram program = SingleFileProgram.of(plain, workdir).orElseThrow();

    List<String> command = program.compile(workdir, Map.of(), workdir.resolve("out/classes")).orElseThrow().command();

    assertThat(run(command)).isEqualTo(run(plain)).isEqualTo(workdir.resolve("./src/../src/Where.java").toAbsolutePath() + "\n");
  }
}
