package dev.codetracer.core.jvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code javac} options that compile a source file as the source launcher of a JDK version
 * does: which other source files it may use, and which warnings it shows.
 *
 * <p>The launcher of Java 11 to 21 compiles the file alone, with an empty source path: a class of
 * another source file is never looked up, not even one in the working directory (where {@code
 * javac}'s default, the class path, would find it). From Java 22 on (JEP 458) it finds the
 * program's other source files in the root of the file's package hierarchy, preferring them to
 * classes on the class path, shows deprecation and unchecked warnings in full rather than as a
 * note, and keeps to itself the notes that a program uses preview features.
 */
final class SourceLauncherCompilation {
  /** The first release with a source launcher (JEP 330). */
  static final int FIRST_SOURCE_LAUNCHER = 11;
  /** The first release whose launcher runs programs of several source files (JEP 458). */
  static final int FIRST_MULTI_FILE_LAUNCHER = 22;
  /**
   * The first release whose launcher takes {@code --enable-preview} without {@code --source}
   * (JDK-8323605), compiling for its own release; older ones refuse it.
   */
  static final int FIRST_PREVIEW_WITHOUT_SOURCE = 23;

  private final List<String> javacOptions;

  private SourceLauncherCompilation(List<String> javacOptions) {
    this.javacOptions = List.copyOf(javacOptions);
  }

  /**
   * How the launcher of {@code featureVersion} compiles {@code source} (absolute), declared in
   * {@code packageName} ("" for none); empty when compiling it beforehand could not be made to
   * match: a JDK without a source launcher, a file the launcher refuses because its folders do not
   * match its package, or a program with a {@code module-info.java} (run from a module of its own).
   */
  static Optional<SourceLauncherCompilation> of(int featureVersion, Path source, String packageName) {
    if (featureVersion < FIRST_SOURCE_LAUNCHER) {
      return Optional.empty();
    }
    List<String> options = new ArrayList<>(List.of("-Xdiags:verbose"));
    if (featureVersion < FIRST_MULTI_FILE_LAUNCHER) {
      options.addAll(List.of("-sourcepath", ""));
      return Optional.of(new SourceLauncherCompilation(options));
    }
    Optional<Path> root = packageRoot(source, packageName);
    if (root.isEmpty() || Files.exists(root.get().resolve("module-info.java"))) {
      return Optional.empty();
    }
    // the launcher compiles the other files when their classes are first loaded; compiled here
    // with the program (implicitly, javac's default) their classes are in the folder when they are
    options.addAll(List.of("-Xlint:deprecation", "-Xlint:unchecked", "-Xlint:-options"));
    // the launcher drops javac's deferred notes ("uses preview features", "Recompile with
    // -Xlint:preview"), which no option of javac's but this hidden one does; with the warnings
    // above in full, they are the only notes it would print
    options.add("-XDsuppressNotes");
    options.addAll(List.of("-Xprefer:source", "-sourcepath", root.get().toString()));
    return Optional.of(new SourceLauncherCompilation(options));
  }

  /** The folder the package's folders start in: {@code src} for {@code src/com/acme/Main.java} in {@code com.acme}. */
  static Optional<Path> packageRoot(Path source, String packageName) {
    Path folder = source.getParent();
    if (packageName.isEmpty()) {
      return Optional.ofNullable(folder);
    }
    Path packageFolders = Path.of(packageName.replace('.', '/'));
    if (folder == null || !folder.endsWith(packageFolders)) {
      return Optional.empty();
    }
    Path root = folder;
    for (int i = 0; i < packageFolders.getNameCount(); i++) {
      root = root.getParent();
    }
    return Optional.ofNullable(root);
  }

  List<String> javacOptions() {
    return javacOptions;
  }
}
