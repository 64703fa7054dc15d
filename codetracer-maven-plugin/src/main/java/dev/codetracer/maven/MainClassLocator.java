package dev.codetracer.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/** Whether a main class is on the runtime class path, and which classes the user may have meant. */
final class MainClassLocator {
  private MainClassLocator() {}

  static boolean exists(String mainClass, List<Path> classpath) {
    String entry = mainClass.replace('.', '/') + ".class";
    for (Path element : classpath) {
      if (Files.isDirectory(element)) {
        if (Files.isRegularFile(element.resolve(entry))) {
          return true;
        }
      } else if (Files.isRegularFile(element)) {
        try (ZipFile jar = new ZipFile(element.toFile())) {
          if (jar.getEntry(entry) != null) {
            return true;
          }
        } catch (IOException e) {
          // not a jar: nothing to find in it
        }
      }
    }
    return false;
  }

  /** Classes of the module's own output whose simple name matches, e.g. {@code com.acme.App} for {@code App}. */
  static List<String> similar(String mainClass, Path classes) {
    String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    if (!Files.isDirectory(classes)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(classes)) {
      return files
          .filter(f -> f.getFileName().toString().equals(simpleName + ".class"))
          .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
          .sorted()
          .limit(5)
          .collect(Collectors.toList());
    } catch (IOException e) {
      return List.of();
    }
  }
}
