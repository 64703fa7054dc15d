package dev.codetracer.junit.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which tests to run, in Surefire's {@code -Dtest} syntax: comma-separated entries {@code Class},
 * {@code Class#method}, {@code Class#m1+m2}, {@code #method} in any class, globs in both parts
 * ({@code *Test#should*}), {@code %regex[...]} class patterns, and {@code !entry} to exclude.
 * Without inclusions in the filter, the project's Surefire includes decide which classes run (and
 * its excludes keep applying), as {@code mvn test} would; a filter with inclusions replaces both,
 * as {@code -Dtest} does.
 *
 * <p>The runner picks the test classes to hand to JUnit with {@link #selectsClass} and keeps the
 * methods the filter names with {@link #selectsMethod}; the Maven plugin checks with it that some
 * class matches before it starts a JVM.
 */
public final class TestSelection {
  /** Surefire's default {@code <includes>}. */
  public static final List<String> DEFAULT_INCLUDES =
      List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
  /** Surefire's default {@code <excludes>}: nested classes run through their outer class. */
  public static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

  private final String filter;
  private final List<Entry> inclusions;
  private final List<Entry> exclusions;
  private final List<ClassPattern> includes;
  private final List<ClassPattern> excludes;

  private TestSelection(String filter, List<Entry> inclusions, List<Entry> exclusions, List<ClassPattern> includes, List<ClassPattern> excludes) {
    this.filter = filter;
    this.inclusions = inclusions;
    this.exclusions = exclusions;
    this.includes = includes;
    this.excludes = excludes;
  }

  /** Only a {@code -Dtest} filter; Surefire's default includes and excludes. */
  public static TestSelection parse(String filter) {
    return of(filter, List.of(), List.of());
  }

  /**
   * @param filter the {@code -Dtest} style filter, or null/blank for none
   * @param surefireIncludes the project's {@code <includes>}, empty for Surefire's defaults
   * @param surefireExcludes the project's {@code <excludes>}, empty for Surefire's defaults
   * @throws IllegalArgumentException naming the entry that cannot be read
   */
  public static TestSelection of(String filter, List<String> surefireIncludes, List<String> surefireExcludes) {
    List<Entry> inclusions = new ArrayList<>();
    List<Entry> exclusions = new ArrayList<>();
    String normalized = filter == null ? "" : filter.trim();
    for (String raw : splitEntries(normalized)) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.startsWith("!")) {
        exclusions.add(Entry.parse(entry.substring(1).trim(), raw));
      } else {
        inclusions.add(Entry.parse(entry, raw));
      }
    }
    List<ClassPattern> includes = patterns(surefireIncludes.isEmpty() ? DEFAULT_INCLUDES : surefireIncludes);
    List<ClassPattern> excludes = patterns(surefireExcludes.isEmpty() ? DEFAULT_EXCLUDES : surefireExcludes);
    return new TestSelection(normalized, List.copyOf(inclusions), List.copyOf(exclusions), includes, excludes);
  }

  /** Commas separate entries, except inside {@code %regex[...]} and a method's {@code (types)}. */
  private static List<String> splitEntries(String filter) {
    List<String> entries = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < filter.length(); i++) {
      char c = filter.charAt(i);
      if (c == '[' || c == '(') {
        depth++;
      } else if ((c == ']' || c == ')') && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        entries.add(filter.substring(start, i));
        start = i + 1;
      }
    }
    entries.add(filter.substring(start));
    return entries;
  }

  private static List<ClassPattern> patterns(List<String> texts) {
    List<ClassPattern> patterns = new ArrayList<>();
    for (String text : texts) {
      if (text != null && !text.isBlank()) {
        patterns.add(ClassPattern.parse(text));
      }
    }
    return List.copyOf(patterns);
  }

  /** The filter as given ({@code -Dcodetracer.test}), empty when none. */
  public String filter() {
    return filter;
  }

  public boolean hasFilter() {
    return !inclusions.isEmpty() || !exclusions.isEmpty();
  }

  /** True when some of the class's tests may run: the class itself is selected. */
  public boolean selectsClass(String className) {
    if (inclusions.isEmpty()) {
      if (includes.stream().noneMatch(p -> p.matches(className)) || excludes.stream().anyMatch(p -> p.matches(className))) {
        return false;
      }
    } else if (inclusions.stream().noneMatch(e -> e.classPattern.matches(className))) {
      return false;
    }
    // an exclusion without a method part removes the whole class
    return exclusions.stream().noneMatch(e -> e.methods.isEmpty() && e.classPattern.matches(className));
  }

  /**
   * True when the test method runs. The class is compared, and so is each class it is nested in:
   * {@code CalculatorTest#adds} also selects the tests of {@code CalculatorTest$Division}.
   */
  public boolean selectsMethod(String className, String methodName) {
    boolean included = inclusions.isEmpty() || inclusions.stream().anyMatch(e -> e.matches(className, methodName));
    return included && exclusions.stream().noneMatch(e -> e.matches(className, methodName));
  }

  /** True when the filter names methods, so the forked JVM must filter within classes. */
  public boolean filtersMethods() {
    return inclusions.stream().anyMatch(e -> !e.methods.isEmpty()) || exclusions.stream().anyMatch(e -> !e.methods.isEmpty());
  }

  @Override
  public String toString() {
    return filter.isEmpty() ? "Surefire's includes " + includes + " and excludes " + excludes : filter;
  }

  /** One entry of the filter: a class pattern and the method patterns after {@code #}. */
  private static final class Entry {
    final ClassPattern classPattern;
    final List<Pattern> methods;

    private Entry(ClassPattern classPattern, List<Pattern> methods) {
      this.classPattern = classPattern;
      this.methods = methods;
    }

    static Entry parse(String entry, String raw) {
      int hash = entry.indexOf('#');
      String classPart = hash < 0 ? entry : entry.substring(0, hash);
      if (classPart.isBlank()) {
        classPart = "**/*"; // "#method" alone: that method in any class
      }
      List<Pattern> methods = new ArrayList<>();
      if (hash >= 0) {
        for (String method : entry.substring(hash + 1).split("\\+")) {
          String name = withoutParameterTypes(method).trim();
          if (!name.isEmpty()) {
            methods.add(Pattern.compile(methodGlob(name)));
          }
        }
        if (methods.isEmpty()) {
          throw new IllegalArgumentException("\"" + raw.trim() + "\" names no method after '#'");
        }
      }
      try {
        return new Entry(ClassPattern.parse(classPart), List.copyOf(methods));
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new IllegalArgumentException("\"" + raw.trim() + "\" is not a valid pattern: " + e.getDescription());
      }
    }

    /** {@code adds(int)}: JUnit selects by name here; the parameter types are not compared. */
    private static String withoutParameterTypes(String method) {
      int paren = method.indexOf('(');
      return paren < 0 ? method : method.substring(0, paren);
    }

    private static String methodGlob(String glob) {
      StringBuilder regex = new StringBuilder();
      for (char c : glob.toCharArray()) {
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

    boolean matches(String className, String methodName) {
      if (!matchesClassOrOuter(className)) {
        return false;
      }
      return methods.isEmpty() || methods.stream().anyMatch(m -> m.matcher(methodName).matches());
    }

    private boolean matchesClassOrOuter(String className) {
      String name = className;
      while (true) {
        if (classPattern.matches(name)) {
          return true;
        }
        int dollar = name.lastIndexOf('$');
        if (dollar < 0) {
          return false;
        }
        name = name.substring(0, dollar);
      }
    }
  }
}
