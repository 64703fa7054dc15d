package dev.codetracer.core.rr;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** The language of a native program, told by the extensions of its source files. */
final class SourceLanguage {
  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("c", "c"),
          Map.entry("cc", "c++"),
          Map.entry("cpp", "c++"),
          Map.entry("cxx", "c++"),
          Map.entry("c++", "c++"),
          Map.entry("C", "c++"),
          Map.entry("rs", "rust"),
          Map.entry("go", "go"),
          Map.entry("f", "fortran"),
          Map.entry("f90", "fortran"),
          Map.entry("zig", "zig"),
          Map.entry("d", "d"),
          Map.entry("nim", "nim"));

  private SourceLanguage() {}

  /**
   * The language of the compiled files (headers do not count); any other language wins over C,
   * since C++ or Rust programs commonly have C parts. Null when no file tells.
   */
  static String of(Collection<String> sourcePaths) {
    String found = null;
    for (String path : sourcePaths) {
      String language = ofFile(path);
      if (language == null) {
        continue;
      }
      if (found == null || (found.equals("c") && !language.equals("c"))) {
        found = language;
      }
    }
    return found;
  }

  private static String ofFile(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot <= slash + 1) {
      return null;
    }
    String extension = path.substring(dot + 1);
    String language = BY_EXTENSION.get(extension); // exact first: ".C" is C++, ".c" is C
    return language != null ? language : BY_EXTENSION.get(extension.toLowerCase(Locale.ROOT));
  }
}
