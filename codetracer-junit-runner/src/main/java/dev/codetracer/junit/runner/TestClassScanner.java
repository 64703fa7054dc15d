package dev.codetracer.junit.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The test classes of a class path folder (a module's test output): its {@code .class} files that a selection picks. */
public final class TestClassScanner {
  private TestClassScanner() {}

  /** Binary class names, sorted; empty when the folder does not exist. */
  public static List<String> selectedClasses(Path testClasses, TestSelection selection) throws IOException {
    return allClasses(testClasses).stream().filter(selection::selectsClass).collect(Collectors.toList());
  }

  public static List<String> allClasses(Path testClasses) throws IOException {
    if (!Files.isDirectory(testClasses)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(testClasses)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".class"))
          .map(f -> testClasses.relativize(f).toString())
          .filter(name -> !name.endsWith("module-info.class") && !name.endsWith("package-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
