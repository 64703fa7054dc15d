package dev.codetracer.core.jvm;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path a launcher hands over in a jar's manifest: when the command line would be too
 * long, Surefire (its booter jar, by default) and IDEs (IntelliJ's {@code classpath.jar}) start the
 * JVM with one jar whose {@code Class-Path} attribute names the real entries, so {@code
 * java.class.path} holds that jar alone.
 *
 * <p>The attribute is read as the JVM reads it: URLs separated by spaces, relative ones resolved
 * against the jar's folder, {@code %20} and the like decoded; entries that do not exist are left
 * out, as the JVM skips them. Only a class path of a single jar is followed, one level deep: that is
 * how those launchers do it, and opening every jar of a long class path to read its manifest would
 * cost the recorded JVM's start for jars that name nothing.
 */
public final class ManifestClassPath {
  /**
   * @param entries the class path with the single jar's {@code Class-Path} entries after it
   * @param problems why a manifest or an entry of it could not be read (never fatal)
   */
  public record Expanded(List<Path> entries, List<String> problems) {}

  private ManifestClassPath() {}

  /** The class path ({@code entries} absolute), followed into its manifest when it is a single jar. */
  public static Expanded expand(List<Path> entries) {
    if (entries.size() != 1 || !Files.isRegularFile(entries.get(0))) {
      return new Expanded(List.copyOf(entries), List.of());
    }
    Path jar = entries.get(0);
    List<String> problems = new ArrayList<>();
    Set<Path> expanded = new LinkedHashSet<>(entries);
    expanded.addAll(classPathOf(jar, problems));
    return new Expanded(List.copyOf(expanded), problems);
  }

  /** The existing entries a jar's {@code Class-Path} names, in its order (none without one). */
  public static List<Path> classPathOf(Path jar, List<String> problems) {
    String classPath;
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      Manifest manifest = file.getManifest();
      classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
    } catch (IOException | RuntimeException e) {
      problems.add(jar + ": cannot read its manifest (" + e + ")");
      return List.of();
    }
    if (classPath == null) {
      return List.of();
    }
    URL base;
    try {
      base = jar.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      problems.add(jar + ": " + e.getMessage());
      return List.of();
    }
    List<Path> named = new ArrayList<>();
    StringTokenizer items = new StringTokenizer(classPath);
    while (items.hasMoreTokens()) {
      String item = items.nextToken();
      Path entry = resolve(base, item, jar, problems);
      if (entry != null && Files.exists(entry)) {
        named.add(entry);
      }
    }
    return named;
  }

  /** The local file a {@code Class-Path} item names, or null (a URL of another scheme, or malformed). */
  private static Path resolve(URL base, String item, Path jar, List<String> problems) {
    try {
      URL url = new URL(base, item);
      if (!"file".equalsIgnoreCase(url.getProtocol())) {
        return null;
      }
      return Path.of(url.toURI()).normalize();
    } catch (MalformedURLException | URISyntaxException | IllegalArgumentException e) {
      problems.add(jar + ": Class-Path entry \"" + item + "\" is not a file URL (" + e.getMessage() + ")");
      return null;
    }
  }
}
