package dev.codetracer.junit.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Surefire's {@code -Dtest} syntax: comma-separated patterns, each a class ({@code MyTest},
 * {@code com.acme.MyTest}, {@code My*Test}, {@code com/acme/**}{@code /My?Test}) with optional
 * methods ({@code MyTest#one+two*}, {@code #fast*} for any class), and {@code !} in front to
 * exclude. A class pattern without a package matches the class in any package; it also selects
 * the {@code @Nested} classes inside. Without any include, Surefire's default includes apply
 * ({@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}).
 */
public final class TestPatterns {
  private static final Pattern SUREFIRE_DEFAULT_CLASSES = Pattern.compile("(.*\\.)?(Test[^.]*|[^.]*Test|[^.]*Tests|[^.]*TestCase)");

  private record Rule(Pattern classes, Pattern methods, boolean exclude) {
    boolean matches(String className, String methodName) {
      if (classes != null && !matchesClass(classes, className)) {
        return false;
      }
      return methods == null || (methodName != null && methods.matcher(methodName).matches());
    }
  }

  private final List<Rule> includes;
  private final List<Rule> excludes;

  private TestPatterns(List<Rule> includes, List<Rule> excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  /**
   * @throws RunnerOptions.UsageException for a pattern this syntax cannot read
   */
  public static TestPatterns parse(String text) {
    List<Rule> includes = new ArrayList<>();
    List<Rule> excludes = new ArrayList<>();
    for (String raw : text.split(",")) {
      String pattern = raw.trim();
      if (pattern.isEmpty()) {
        continue;
      }
      boolean exclude = pattern.startsWith("!");
      if (exclude) {
        pattern = pattern.substring(1).trim();
      }
      if (pattern.startsWith("%regex[")) {
        throw new RunnerOptions.UsageException("%regex[...] test patterns are not supported; use wildcards (" + raw.trim() + ")");
      }
      int hash = pattern.indexOf('#');
      String classPart = hash < 0 ? pattern : pattern.substring(0, hash);
      String methodPart = hash < 0 ? null : pattern.substring(hash + 1);
      Rule rule =
          new Rule(
              classPart.isEmpty() ? null : classPattern(classPart),
              methodPart == null || methodPart.isEmpty() ? null : methodPattern(methodPart),
              exclude);
      (exclude ? excludes : includes).add(rule);
    }
    return new TestPatterns(includes, excludes);
  }

  /** True when the test (its class, and its method or null) is selected. */
  public boolean matches(String className, String methodName) {
    boolean included =
        includes.isEmpty()
            ? matchesClass(SUREFIRE_DEFAULT_CLASSES, className)
            : includes.stream().anyMatch(rule -> rule.matches(className, methodName));
    return included && excludes.stream().noneMatch(rule -> rule.matches(className, methodName));
  }

  private static boolean matchesClass(Pattern pattern, String className) {
    String dotted = className.replace('$', '.');
    if (pattern.matcher(dotted).matches()) {
      return true;
    }
    int nested = className.indexOf('$');
    return nested > 0 && pattern.matcher(className.substring(0, nested)).matches();
  }

  static Pattern classPattern(String text) {
    String name = text.replace('\\', '/');
    if (name.endsWith(".java") || name.endsWith(".class")) {
      name = name.substring(0, name.lastIndexOf('.'));
    }
    name = name.replace('/', '.');
    boolean qualified = name.contains(".");
    StringBuilder regex = new StringBuilder(qualified ? "" : "(.*\\.)?");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (name.startsWith("**.", i)) {
        regex.append("(.*\\.)?");
        i += 2;
      } else if (name.startsWith("**", i)) {
        regex.append(".*");
        i += 1;
      } else if (c == '*') {
        regex.append("[^.]*");
      } else if (c == '?') {
        regex.append("[^.]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  static Pattern methodPattern(String text) {
    List<String> alternatives = new ArrayList<>();
    for (String method : text.split("\\+")) {
      String name = method.trim();
      int paren = name.indexOf('(');
      if (paren >= 0) {
        name = name.substring(0, paren);
      }
      if (!name.isEmpty()) {
        alternatives.add(glob(name));
      }
    }
    return Pattern.compile(String.join("|", alternatives));
  }

  private static String glob(String text) {
    StringBuilder regex = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
