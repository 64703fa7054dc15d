package dev.codetracer.agent.instrument;

import dev.codetracer.agent.runtime.Definitions;
import dev.codetracer.core.jvm.ClassPathSourceRoots;
import dev.codetracer.core.jvm.ManifestClassPath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the source file of a class from its package and SourceFile attribute, on the source
 * roots: the {@code sourcepath} option's, then the working directory and its {@code
 * src/main/java} and {@code src/test/java}, then source folders next to the class path's
 * directories ({@code target/classes} gives {@code src/main/java}, {@code build/classes/java/test}
 * gives {@code src/test/java}, a directory holding sources itself gives itself). A class path of a
 * single jar is read through its manifest's {@code Class-Path} ({@link ManifestClassPath}), as
 * Surefire's booter jar hands over the test class path.
 */
public final class SourceResolver {
  /** A source path and whether the file exists there. */
  public record Resolved(String path, boolean found) {}

  /** The metadata's list of why the class path's manifest, or an entry of it, could not be followed. */
  static final String CLASS_PATH_MANIFEST_PROBLEMS = "class_path_manifest_problems[]";

  private final List<Path> roots;
  private final ConcurrentHashMap<String, Resolved> cache = new ConcurrentHashMap<>();

  public SourceResolver(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  public static SourceResolver forThisJvm(List<Path> sourcepath) {
    Set<Path> roots = new LinkedHashSet<>(sourcepath);
    Path workdir = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    roots.add(workdir);
    roots.add(workdir.resolve("src/main/java"));
    roots.add(workdir.resolve("src/test/java"));
    for (Path entry : classPath(workdir)) {
      roots.addAll(nextTo(entry));
    }
    String command = System.getProperty("sun.java.command", "");
    for (String word : command.split(" ")) {
      if (word.endsWith(".java")) {
        Path file = workdir.resolve(word).normalize();
        if (file.getParent() != null) {
          roots.add(file.getParent());
        }
      }
    }
    List<Path> existing = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        existing.add(root);
      }
    }
    return new SourceResolver(existing);
  }

  /** This JVM's class path, absolute; a problem reading a manifest is noted in the recordings' metadata. */
  private static List<Path> classPath(Path workdir) {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(workdir.resolve(entry).normalize());
      }
    }
    ManifestClassPath.Expanded expanded = ManifestClassPath.expand(entries);
    for (String problem : expanded.problems()) {
      Definitions.get().fact(CLASS_PATH_MANIFEST_PROBLEMS, problem);
    }
    return expanded.entries();
  }

  static List<Path> nextTo(Path classpathEntry) {
    List<Path> roots = new ArrayList<>();
    if (Files.isDirectory(classpathEntry)) {
      roots.add(classpathEntry);
      roots.addAll(ClassPathSourceRoots.nextTo(classpathEntry));
    }
    return roots;
  }

  /**
   * The path of a class's source.
   *
   * @param internalClassName e.g. {@code com/acme/Order$Line}
   * @param sourceFile the SourceFile attribute, e.g. {@code Order.java}
   */
  public Resolved resolve(String internalClassName, String sourceFile) {
    int slash = internalClassName.lastIndexOf('/');
    String relative = slash < 0 ? sourceFile : internalClassName.substring(0, slash + 1) + sourceFile;
    return cache.computeIfAbsent(relative, this::find);
  }

  private Resolved find(String relative) {
    for (Path root : roots) {
      Path candidate = root.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return new Resolved(candidate.toAbsolutePath().normalize().toString(), true);
      }
    }
    String fileName = relative.substring(relative.lastIndexOf('/') + 1);
    for (Path root : roots) {
      Path candidate = root.resolve(fileName);
      if (!relative.equals(fileName) && Files.isRegularFile(candidate) && declaresPackageOf(candidate, relative)) {
        return new Resolved(candidate.toAbsolutePath().normalize().toString(), true);
      }
    }
    return new Resolved(relative, false);
  }

  /** A source file kept flat (e.g. `java -d out src/A.java`) still belongs to its package. */
  private static boolean declaresPackageOf(Path file, String relative) {
    String pkg = relative.substring(0, relative.lastIndexOf('/')).replace('/', '.');
    try {
      String text = Files.readString(file);
      return text.matches("(?s).*\\bpackage\\s+" + java.util.regex.Pattern.quote(pkg) + "\\s*;.*");
    } catch (Exception e) {
      return false;
    }
  }
}
