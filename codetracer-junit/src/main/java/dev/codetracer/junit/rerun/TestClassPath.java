package dev.codetracer.junit.rerun;

import dev.codetracer.junit.runner.RunnerCommand;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

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
      Manifest manifest = jar.getManifest();
      String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath == null || classPath.isBlank() || holdsClasses(jar)) {
        return List.of();
      }
      List<Path> named = new ArrayList<>();
      URI base = entry.toUri();
      for (String item : classPath.trim().split("\\s+")) {
        named.add(resolve(base, item));
      }
      return named;
    } catch (IOException | IllegalArgumentException e) {
      return List.of();
    }
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

  /** A {@code Class-Path} item is a URL, relative to the jar or absolute ({@code file:/...}). */
  private static Path resolve(URI base, String item) {
    try {
      return Path.of(base.resolve(item)).toAbsolutePath().normalize();
    } catch (IllegalArgumentException e) {
      return Path.of(base).getParent().resolve(item).toAbsolutePath().normalize();
    }
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
