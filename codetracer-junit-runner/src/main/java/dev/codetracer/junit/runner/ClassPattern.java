package dev.codetracer.junit.runner;

import java.util.regex.Pattern;

/**
 * One class pattern as Surefire reads them in {@code -Dtest} and in {@code <includes>}: a glob
 * over the class's path ({@code com/acme/**}{@code /*Test}), a fully qualified name with dots
 * ({@code com.acme.CalculatorTest}), a bare simple name ({@code CalculatorTest}, found in any
 * package), with or without {@code .java}/{@code .class}, or {@code %regex[...]}.
 */
final class ClassPattern {
  private static final String REGEX_PREFIX = "%regex[";

  private final String text;
  private final Pattern regex;

  private ClassPattern(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  static ClassPattern parse(String text) {
    String trimmed = text.trim();
    if (trimmed.startsWith(REGEX_PREFIX) && trimmed.endsWith("]")) {
      String body = trimmed.substring(REGEX_PREFIX.length(), trimmed.length() - 1);
      // Surefire matches %regex against the class file's path; accept a pattern written for
      // either form by matching "com/acme/FooTest.class" as well as without the extension.
      return new ClassPattern(trimmed, Pattern.compile(body + "(\\.class|\\.java)?"));
    }
    String glob = trimmed.replace('\\', '/');
    if (glob.endsWith(".java") || glob.endsWith(".class")) {
      glob = glob.substring(0, glob.lastIndexOf('.'));
    }
    if (!glob.contains("/")) {
      glob = glob.replace('.', '/');
    }
    if (!glob.startsWith("**/") && !glob.startsWith("/") && !looksQualified(trimmed)) {
      glob = "**/" + glob;
    }
    if (glob.startsWith("/")) {
      glob = glob.substring(1);
    }
    return new ClassPattern(trimmed, Pattern.compile(globToRegex(glob)));
  }

  /** {@code com.acme.FooTest} or {@code com/acme/FooTest}: anchored at the root package. */
  private static boolean looksQualified(String text) {
    String withoutExtension = text.replaceAll("\\.(java|class)$", "");
    return withoutExtension.contains("/") || withoutExtension.contains(".");
  }

  /** True when the class (binary name, {@code com.acme.FooTest}) matches. */
  boolean matches(String className) {
    String path = className.replace('.', '/');
    return regex.matcher(path).matches() || regex.matcher(path + ".class").matches();
  }

  @Override
  public String toString() {
    return text;
  }

  static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        i++;
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
          i++;
          regex.append("(?:.*/)?"); // "**/" also matches no folder at all
        } else {
          regex.append(".*");
        }
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
