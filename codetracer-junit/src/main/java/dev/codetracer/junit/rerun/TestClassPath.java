package dev.codetracer.junit.rerun;

import dev.codetracer.core.jvm.ManifestClassPath;
import dev.codetracer.junit.runner.RunnerCommand;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class path of the tests in this JVM, as a fresh JVM needs it. Surefire (and IDEs) often
 * start the test JVM with a manifest-only jar whose {@code Class-Path} names the real entries; such
 * a jar is replaced by those entries. The jars of the runner (codetracer-junit-runner,
 * junit-platform-launcher) are added when the test class path lacks them.
 */
public final class TestClassPath {
  /** One class of each jar the runner needs in the fresh JVM: codetracer-junit-runner and the JUnit Platform. */
  static final List<String> RUNNER_CLASSES =
      List.of(
          RunnerCommand.MAIN_CLASS,
          "org.junit.platform.launcher.Launcher",
          "org.junit.platform.engine.TestEngine",
          "org.junit.platform.commons.util.ReflectionUtils");

  private TestClassPath() {}

  /**
   * @throws IllegalStateException naming a jar the runner needs that is nowhere to be found
   */
  public static List<Path> ofThisJvm() {
    List<Path> entries = expand(split(System.getProperty("java.class.path", "")));
    ClassLoader loader = TestClassPath.class.getClassLoader();
    Set<Path> all = new LinkedHashSet<>(entries);
    for (String className : RUNNER_CLASSES) {
      all.add(codeSourceOf(className, loader));
    }
    return new ArrayList<>(all);
  }

  static List<Path> split(String classPath) {
    List<Path> entries = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry).toAbsolutePath().normalize());
      }
    }
    return entries;
  }

  /** Replaces manifest-only jars by the entries of their {@code Class-Path}. */
  static List<Path> expand(List<Path> entries) {
    Set<Path> expanded = new LinkedHashSet<>();
    for (Path entry : entries) {
      List<Path> named = manifestOnlyClassPath(entry);
      if (named.isEmpty()) {
        expanded.add(entry);
      } else {
        expanded.addAll(expand(named));
      }
    }
    return new ArrayList<>(expanded);
  }

  /** The {@code Class-Path} of a jar that holds nothing else, or an empty list. */
  static List<Path> manifestOnlyClassPath(Path entry) {
    if (!Files.isRegularFile(entry) || !entry.getFileName().toString().endsWith(".jar")) {
      return List.of();
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      if (holdsClasses(jar)) {
        return List.of();
      }
    } catch (IOException e) {
      return List.of();
    }
    // what cannot be read is left out: the rerun JVM could not load it either
    return ManifestClassPath.classPathOf(entry, new ArrayList<>());
  }

  private static boolean holdsClasses(JarFile jar) {
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      if (name.endsWith(".class")) {
        return true;
      }
    }
    return false;
  }

  static Path codeSourceOf(String className, ClassLoader loader) {
    try {
      Class<?> type = Class.forName(className, false, loader);
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        throw new IllegalStateException("cannot tell where " + className + " was loaded from");
      }
      return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          className + " is not on the test class path"
              + (className.startsWith("org.junit.platform.launcher") ? " (add org.junit.platform:junit-platform-launcher as a test dependency)" : ""));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot tell where " + className + " was loaded from: " + e.getMessage());
    }
  }
}
