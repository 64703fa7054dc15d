package dev.codetracer.agent.it;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The sample programs ({@code src/test/samples}), compiled once per test JVM and debug level: with
 * {@code -g} (local variable names), without (javac's default: lines and source file only), and
 * with no debug information at all, for release 17 so that Java 17 and Java 25 run the same class
 * files.
 */
final class Samples {
  static final Path SOURCES = Path.of(System.getProperty("codetracer.samples", "src/test/samples")).toAbsolutePath();
  static final Path WORK = Path.of(System.getProperty("codetracer.it.work", "target/it-work")).toAbsolutePath();
  /**
   * The agent jar under test, copied once: other builds in the same checkout may rewrite {@code
   * target/} while the tests run.
   */
  static final Path AGENT = copyOfAgent(Path.of(System.getProperty("codetracer.agent.jar", "target/codetracer-agent.jar")));

  /** Class files with or without local variable names, or without any debug information. */
  enum Debug {
    FULL("-g"),
    DEFAULT("-g:source,lines"),
    NONE("-g:none");

    final String flag;

    Debug(String flag) {
      this.flag = flag;
    }
  }

  private static final java.util.Map<Debug, Path> CLASSES = new java.util.EnumMap<>(Debug.class);

  private Samples() {}

  static synchronized Path classes(Debug debug) {
    return CLASSES.computeIfAbsent(debug, d -> compile(WORK.resolve("classes-" + d.name().toLowerCase(java.util.Locale.ROOT)), d));
  }

  /** The class path of a sample run: the classes, and Mockito's jars for the Mockito sample. */
  static String classpath(Debug debug) {
    List<String> entries = new ArrayList<>();
    entries.add(classes(debug).toString());
    entries.addAll(mockitoJars());
    return String.join(File.pathSeparator, entries);
  }

  static Path source(String className) {
    return SOURCES.resolve(className.replace('.', '/') + ".java");
  }

  private static Path copyOfAgent(Path built) {
    try {
      Path copy = Files.createDirectories(WORK).resolve("codetracer-agent-under-test.jar");
      Files.copy(built.toAbsolutePath(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the agent jar " + built + ": " + e.getMessage(), e);
    }
  }

  private static Path compile(Path out, Debug debug) {
    try {
      FileTreesForTests.deleteRecursively(out);
      Files.createDirectories(out);
      // the agent's API, which samples run with the agent find in its jar
      List<String> compileClasspath = new ArrayList<>(mockitoJars());
      compileClasspath.add(AGENT.toString());
      List<String> arguments = new ArrayList<>(List.of("--release", "17", debug.flag, "-d", out.toString(),
          "-cp", String.join(File.pathSeparator, compileClasspath), "-proc:none", "-nowarn"));
      List<Path> sources;
      try (Stream<Path> files = Files.walk(SOURCES)) {
        sources = files.filter(p -> p.toString().endsWith(".java")).toList();
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      StringWriter errors = new StringWriter();
      boolean ok;
      try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
        ok = javac.getTask(errors, files, null, arguments, null, files.getJavaFileObjectsFromPaths(sources)).call();
      }
      if (!ok) {
        throw new IllegalStateException("samples do not compile: " + errors);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> mockitoJars() {
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith("mockito-core") || name.startsWith("byte-buddy") || name.startsWith("objenesis")) {
        jars.add(entry);
      }
    }
    return jars;
  }
}
