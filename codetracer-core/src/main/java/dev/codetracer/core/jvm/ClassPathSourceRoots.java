package dev.codetracer.core.jvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the sources of compiled classes are, judged from the class path: a build tool's class
 * directory sits in its project next to the sources it was compiled from ({@code target/classes}
 * comes from {@code src/main/java}, {@code target/test-classes} from {@code src/test/java}, Gradle's
 * {@code build/classes/java/test} from {@code src/test/java}).
 */
public final class ClassPathSourceRoots {
  private ClassPathSourceRoots() {}

  /**
   * The source folders next to one class path entry: {@code src/<set>/java}, then {@code src}
   * (for projects that keep packages right under it); for a class folder of no build tool's
   * layout ({@code javac -d classes src/...}), the {@code src} beside it; none for a jar.
   */
  public static List<Path> nextTo(Path classPathEntry) {
    String unix = classPathEntry.toString().replace('\\', '/');
    Path project = null;
    String set = "main";
    if (unix.endsWith("/target/classes")) {
      project = classPathEntry.getParent().getParent();
    } else if (unix.endsWith("/target/test-classes")) {
      project = classPathEntry.getParent().getParent();
      set = "test";
    } else if (unix.matches(".*/build/classes/[^/]+/[^/]+$")) {
      project = classPathEntry.getParent().getParent().getParent().getParent();
      set = classPathEntry.getFileName().toString();
    }
    if (project != null) {
      return List.of(project.resolve("src/" + set + "/java"), project.resolve("src"));
    }
    boolean archive = unix.endsWith(".jar") || unix.endsWith(".zip");
    Path parent = classPathEntry.getParent();
    return archive || parent == null ? List.of() : List.of(parent.resolve("src"));
  }

  /**
   * The existing source folders of a test run: {@code src/test/java} and {@code src/main/java} of
   * the working directory, then those {@link #nextTo} each class path entry (other modules of the
   * build included), absolute, in that order, without repeats.
   */
  public static List<Path> of(Path workdir, List<Path> classPath) {
    Set<Path> roots = new LinkedHashSet<>();
    roots.add(workdir.resolve("src/test/java"));
    roots.add(workdir.resolve("src/main/java"));
    for (Path entry : classPath) {
      roots.addAll(nextTo(workdir.resolve(entry)));
    }
    List<Path> existing = new ArrayList<>();
    for (Path root : roots) {
      Path normal = root.toAbsolutePath().normalize();
      if (Files.isDirectory(normal) && !existing.contains(normal)) {
        existing.add(normal);
      }
    }
    return existing;
  }
}
