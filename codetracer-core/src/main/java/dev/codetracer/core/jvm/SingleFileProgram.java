package dev.codetracer.core.jvm;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import dev.codetracer.core.record.ProgramEnvironment;
import dev.codetracer.core.record.ProgramSearch;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * {@code java [options] Main.java args}: a program run by the source launcher. The launcher
 * compiles in memory without local variable names, so a recording of it could show no locals.
 * This compiles the file beforehand with {@code javac -g} of the same JDK as the {@code java} that
 * runs it, from the source files that JDK's launcher would use ({@link SourceLauncherCompilation}),
 * and runs the launcher's choice of class (the file's first top-level class) from the classes.
 * When that is not possible (no {@code javac}, a JDK of unknown version, options its launcher
 * refuses, a compile error), the command runs as it was given and the launcher reports its own
 * errors.
 */
final class SingleFileProgram {
  /** The system property with which the launcher tells a program the source file it runs. */
  static final String SOURCE_FILE_PROPERTY = "jdk.launcher.sourcefile";

  private final List<String> command;
  private final int fileIndex;
  /** What the file declares, parsed at its first use (parsing starts a compiler). */
  private TopLevel declared;

  private SingleFileProgram(List<String> command, int fileIndex) {
    this.command = command;
    this.fileIndex = fileIndex;
  }

  /** The command's source file, when it runs one through the source launcher. */
  static Optional<SingleFileProgram> of(List<String> command, Path workdir) {
    int end = JavaLauncher.optionsEnd(command);
    if (end == command.size() || JavaLauncher.isProgramStart(command.get(end))) {
      return Optional.empty();
    }
    String argument = command.get(end);
    boolean sourceFile = argument.endsWith(".java") && Files.isRegularFile(workdir.resolve(argument));
    return sourceFile ? Optional.of(new SingleFileProgram(command, end)) : Optional.empty();
  }

  Path sourceFile(Path workdir) {
    return workdir.resolve(command.get(fileIndex)).toAbsolutePath().normalize();
  }

  /**
   * Where the launcher finds the program's source files: the root of the file's package folders
   * ({@link SourceLauncherCompilation#packageRoot}), or the file's folder when they do not match
   * its package (which the launcher before Java 22 allows).
   */
  Path sourceRoot(Path workdir) {
    Path source = sourceFile(workdir);
    return SourceLauncherCompilation.packageRoot(source, declared(workdir).packageName()).orElse(source.getParent());
  }

  /**
   * A compiled program.
   *
   * @param command the command that runs it from its classes
   * @param compilerMessages what {@code javac} said (its warnings), which the launcher would have
   *     printed on standard error before the program ran
   */
  record Compiled(List<String> command, String compilerMessages) {}

  /**
   * Compiles the file into {@code classes} and returns the command that runs it from there, with
   * the class path the launcher would give it after them, or empty when it could not be compiled
   * (the original command then runs unchanged, and the launcher reports the errors). {@code
   * environment} is the program's: its {@code CLASSPATH} is the launcher's class path when the
   * command gives none.
   */
  Optional<Compiled> compile(Path workdir, Map<String, String> environment, Path classes) throws InterruptedException {
    Optional<Path> javac = javacBeside(command.get(0), workdir);
    if (javac.isEmpty()) {
      return Optional.empty();
    }
    Path source = sourceFile(workdir);
    TopLevel topLevel = declared(workdir);
    OptionalInt version = JdkRelease.featureVersion(javac.get().getParent().getParent());
    Optional<SourceLauncherCompilation> launcherCompilation =
        version.isEmpty() ? Optional.empty() : SourceLauncherCompilation.of(version.getAsInt(), source, topLevel.packageName());
    if (launcherCompilation.isEmpty()) {
      return Optional.empty();
    }
    List<String> launcherOptions = command.subList(1, fileIndex);
    String classPath = LauncherClassPath.of(launcherOptions, environment);
    List<String> javacCommand = new ArrayList<>(List.of(javac.get().toString(), "-g", "-proc:none", "-d", classes.toString()));
    javacCommand.addAll(launcherCompilation.get().javacOptions());
    String release = valueOf(launcherOptions, "--source");
    boolean preview = launcherOptions.contains("--enable-preview");
    if (release == null && preview) {
      if (version.getAsInt() < SourceLauncherCompilation.FIRST_PREVIEW_WITHOUT_SOURCE) {
        // this launcher refuses it ("--enable-preview must be used with --source") and says so itself
        return Optional.empty();
      }
      // javac takes preview features only for a release it is told, which the launcher gives it: its own
      release = String.valueOf(version.getAsInt());
    }
    if (release != null) {
      javacCommand.addAll(List.of("--release", release));
    }
    if (preview) {
      javacCommand.add("--enable-preview");
    }
    javacCommand.addAll(List.of("-cp", classPath));
    // as given, relative to the working directory, so that the messages name it as the launcher's do
    javacCommand.add(command.get(fileIndex));
    Path log = classes.resolveSibling("javac.log");
    String compilerMessages;
    try {
      Files.createDirectories(classes);
      ProcessBuilder builder = new ProcessBuilder(javacCommand).directory(workdir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      // the program's JVM options are not javac's (whose JVM would also say "Picked up ..." among its messages)
      builder.environment().keySet().removeAll(ProgramEnvironment.JVM_OPTION_VARIABLES);
      Process process = builder.start();
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        return Optional.empty();
      }
      // in the default charset, javac's for its messages and the one System.err writes them back in
      // (unlike Files.readString's strict UTF-8, never an error)
      compilerMessages = new String(Files.readAllBytes(log), Charset.defaultCharset());
    } catch (IOException e) {
      return Optional.empty();
    }
    List<String> rewritten = new ArrayList<>();
    rewritten.add(command.get(0));
    List<String> otherOptions = LauncherClassPath.withoutClassPathOptions(launcherOptions);
    for (int i = 0; i < otherOptions.size(); i++) {
      String option = otherOptions.get(i);
      if (option.equals("--source")) {
        i++;
      } else {
        rewritten.add(option);
      }
    }
    // as the launcher sets it (after any of the program's own): the file as given, made absolute
    rewritten.add("-D" + SOURCE_FILE_PROPERTY + "=" + workdir.resolve(command.get(fileIndex)).toAbsolutePath());
    // the compiled classes come first, as the launcher's own class loader looks in them first
    rewritten.add("-cp");
    rewritten.add(classes + File.pathSeparator + classPath);
    rewritten.add(topLevel.firstClass());
    rewritten.addAll(command.subList(fileIndex + 1, command.size()));
    return Optional.of(new Compiled(rewritten, compilerMessages));
  }

  /** The launcher's choice: the first top-level class in the file (else the file's name). */
  static String mainClass(Path source) {
    return topLevel(source).firstClass();
  }

  /** What a source file declares at its top level: its package ("" for none) and its first class, with the package. */
  private record TopLevel(String packageName, String firstClass) {}

  private TopLevel declared(Path workdir) {
    if (declared == null) {
      declared = topLevel(sourceFile(workdir));
    }
    return declared;
  }

  private static TopLevel topLevel(Path source) {
    String stem = source.getFileName().toString().replaceFirst("\\.java$", "");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      return new TopLevel("", stem);
    }
    // the file manager too: it reports bytes the charset cannot read on codetracer's standard
    // error, where the launcher (reading them as U+FFFD) says nothing
    DiagnosticListener<JavaFileObject> silent = diagnostic -> { };
    try (StandardJavaFileManager files = compiler.getStandardFileManager(silent, null, StandardCharsets.UTF_8)) {
      JavacTask task =
          (JavacTask) compiler.getTask(null, files, silent, List.of("-proc:none"), null, files.getJavaFileObjects(source));
      for (CompilationUnitTree unit : task.parse()) {
        String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        String packagePrefix = packageName.isEmpty() ? "" : packageName + ".";
        for (Tree declaration : unit.getTypeDecls()) {
          if (declaration instanceof ClassTree type && type.getSimpleName().length() > 0) {
            return new TopLevel(packageName, packagePrefix + type.getSimpleName());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // a file this JDK cannot parse: the launcher's rule for compact source files is the name
    }
    return new TopLevel("", stem);
  }

  private static Optional<Path> javacBeside(String java, Path workdir) {
    Optional<Path> executable = ProgramSearch.find(java, System.getenv("PATH"), workdir);
    if (executable.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path javac = executable.get().toRealPath().resolveSibling("javac");
      return Files.isExecutable(javac) ? Optional.of(javac) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String valueOf(List<String> options, String... names) {
    for (int i = 0; i + 1 < options.size(); i++) {
      if (List.of(names).contains(options.get(i))) {
        return options.get(i + 1);
      }
    }
    return null;
  }
}
