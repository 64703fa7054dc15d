package dev.codetracer.core.jvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a JDK, read from its home's {@code release} file ({@code JAVA_VERSION="17.0.15"}),
 * which every JDK since 9 has: cheaper than starting its {@code java -version}.
 */
final class JdkRelease {
  private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(1\\.)?(\\d+)");

  private JdkRelease() {}

  /** The feature release (17 for 17.0.15), or empty when the home has no readable {@code release} file. */
  static OptionalInt featureVersion(Path javaHome) {
    try {
      Matcher version = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
      return version.find() ? OptionalInt.of(Integer.parseInt(version.group(2))) : OptionalInt.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }
}
