package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.TracePathsFile;
import dev.codetracer.core.testing.Jvm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A JVM started as Surefire starts a test JVM by default: {@code java -jar surefirebooter.jar}, the
 * booter jar holding nothing but a manifest whose {@code Class-Path} names the test class path. The
 * sources of another module's classes on it are found next to its {@code target/classes}.
 */
class ManifestClassPathIT {
  private static final String CALC =
      """
      package com.acme.core;

      public class Calc {
        public static int twice(int n) {
          return 2 * n;
        }
      }
      """;
  private static final String CALC_CHECK =
      """
      package com.acme.app;

      import com.acme.core.Calc;

      public class CalcCheck {
        public static void main(String[] args) {
          System.out.println("twice 21 is " + Calc.twice(21));
        }
      }
      """;

  @Test
  void theSourcesOfAModuleNamedByABooterJarsManifestAreFoundAndCopied() throws IOException {
    Path reactor = Samples.WORK.resolve("manifest class path");
    FileTreesForTests.deleteRecursively(reactor);
    Path core = reactor.resolve("core");
    Path app = reactor.resolve("app");
    Path calc = write(core.resolve("src/main/java/com/acme/core/Calc.java"), CALC);
    Path coreClasses = compile(core.resolve("target/classes"), List.of(), calc);
    Path appClasses =
        compile(app.resolve("target/test-classes"), List.of(coreClasses), write(app.resolve("src/test/java/com/acme/app/CalcCheck.java"), CALC_CHECK));
    // as Surefire writes it: relative to the jar's folder, or an absolute file: URL ("%20" for the space)
    Path booter =
        booterJar(app.resolve("target/surefire/surefirebooter1.jar"), "com.acme.app.CalcCheck",
            "../test-classes/ " + coreClasses.toUri() + " ../../../gone/target/classes/");
    assertThat(booter.getParent().relativize(appClasses)).isEqualTo(Path.of("../test-classes"));

    Path folder = SampleRuns.newFolder("manifest-class-path");
    List<String> command =
        List.of(Jvm.JAVA_17.java.toString(), "-javaagent:" + Samples.AGENT + "=output=" + folder, "-jar", booter.toString());
    SampleRun run = runIn(app, command);

    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).isEqualTo("twice 21 is 42\n");
    assertThat(run.exitCode()).isZero();
    Recordings.check(folder);
    assertThat(TracePathsFile.read(folder)).contains(calc.toString());
    assertThat(folder.resolve("source").resolve(calc.toString().substring(1))).exists().hasSameTextualContentAs(calc);
    assertThat(Recordings.metadata(folder).extra()).doesNotContainKeys("classes_without_source", "class_path_manifest_problems");
  }

  /** Runs the command in the module's folder, as Surefire does. */
  private static SampleRun runIn(Path module, List<String> command) throws IOException {
    Path logs = Files.createTempDirectory(Files.createDirectories(Samples.WORK.resolve("logs")), "run");
    try {
      Process process = new ProcessBuilder(command)
          .directory(module.toFile())
          .redirectOutput(logs.resolve("stdout").toFile())
          .redirectError(logs.resolve("stderr").toFile())
          .start();
      process.getOutputStream().close();
      assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("%s ended", command).isTrue();
      return new SampleRun(process.exitValue(), Files.readString(logs.resolve("stdout")), Files.readString(logs.resolve("stderr")), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static Path compile(Path classes, List<Path> classPath, Path source) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String path = String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList());
    int status = javac.run(null, null, null, "-g", "--release", "17", "-cp", path, "-d", classes.toString(), source.toString());
    assertThat(status).as("javac exit status").isZero();
    return classes;
  }

  /** A jar holding only a manifest, as Surefire's booter jar. */
  private static Path booterJar(Path jar, String mainClass, String classPath) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream unused = new JarOutputStream(out, manifest)) {
      return jar;
    }
  }
}
