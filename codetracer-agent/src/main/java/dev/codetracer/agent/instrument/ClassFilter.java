package dev.codetracer.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which classes get probes. By default every class but the JDK, build tools, test-framework
 * internals and codetracer itself; {@code includes}/{@code excludes} take JaCoCo-style wildcard
 * patterns on class names ({@code com.acme.*}, {@code *Test}). A class named by an explicit
 * include is instrumented even in a package excluded by default, except the JDK and codetracer
 * itself, which never are. A nested class matches its name written either way: {@code
 * Flow$Res}, or {@code Flow.Res} as the recording shows it (so {@code Flow.*} covers the classes
 * nested in {@code Flow}).
 */
public final class ClassFilter {
  static final List<String> NEVER =
      List.of("java.*", "javax.*", "jdk.*", "sun.*", "com.sun.*", "dev.codetracer.agent.*", userCopyOfTheCore());

  static final List<String> DEFAULT_EXCLUDES =
      List.of(
          "org.xml.*", "org.w3c.*", "org.ietf.*", "org.omg.*",
          "org.apache.maven.*", "org.codehaus.plexus.*", "org.codehaus.mojo.*", "org.eclipse.aether.*",
          "org.gradle.*", "worker.org.gradle.*", "org.junit.*", "junit.*", "org.opentest4j.*",
          "org.apiguardian.*", "org.assertj.*", "org.hamcrest.*", "org.mockito.*", "net.bytebuddy.*",
          "org.objenesis.*", "org.testng.*", "dev.codetracer.junit.*", "dev.codetracer.maven.*",
          "dev.codetracer.cli.*", "dev.codetracer.viewer.*", "kotlin.*", "scala.*", "groovy.*",
          "org.groovy.*", "org.slf4j.*", "ch.qos.logback.*", "org.apache.logging.*", "com.intellij.*");

  private final List<Wildcard> never;
  private final List<Wildcard> defaultExcludes;
  private final List<Wildcard> includes;
  private final List<Wildcard> excludes;

  /**
   * One pattern. Most are a package and its subpackages ({@code org.junit.*}): those are a prefix
   * test, since every class the JVM loads is checked against them; the others a regex.
   */
  private record Wildcard(String prefix, Pattern regex) {
    boolean matches(String name) {
      return regex == null ? name.startsWith(prefix) : regex.matcher(name).matches();
    }
  }

  public ClassFilter(List<String> includes, List<String> excludes) {
    this.never = compile(NEVER);
    this.defaultExcludes = compile(DEFAULT_EXCLUDES);
    this.includes = compile(includes);
    this.excludes = compile(excludes);
  }

  /** @param internalName a class name as the JVM passes it, e.g. {@code com/acme/Order$Line} */
  public boolean instruments(String internalName) {
    String name = internalName.replace('/', '.');
    String sourceName = name.replace('$', '.');
    if (matches(never, name, sourceName) || matches(excludes, name, sourceName)) {
      return false;
    }
    if (includes.isEmpty()) {
      return !matches(defaultExcludes, name, sourceName);
    }
    return matches(includes, name, sourceName);
  }

  /** Whether a pattern matches the binary name ({@code a.Flow$Res}) or the source name ({@code a.Flow.Res}). */
  private static boolean matches(List<Wildcard> patterns, String name, String sourceName) {
    boolean nested = !sourceName.equals(name);
    for (Wildcard pattern : patterns) {
      if (pattern.matches(name) || nested && pattern.matches(sourceName)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The core's package as the user's class path has it. Spelled in parts because the agent jar
   * carries its own copy of the core relocated under {@code dev.codetracer.agent.shaded}, and the
   * shade plugin rewrites every string constant that starts with the core's package name, which
   * would make this exclusion name the agent's copy instead.
   */
  private static String userCopyOfTheCore() {
    return String.join(".", "dev", "codetracer", "core", "*");
  }

  private static List<Wildcard> compile(List<String> wildcards) {
    List<Wildcard> patterns = new ArrayList<>(wildcards.size());
    for (String wildcard : wildcards) {
      int star = wildcard.indexOf('*');
      if (star == wildcard.length() - 1 && wildcard.indexOf('?') < 0) {
        patterns.add(new Wildcard(wildcard.substring(0, star), null));
        continue;
      }
      StringBuilder regex = new StringBuilder();
      for (char c : wildcard.toCharArray()) {
        if (c == '*') {
          regex.append(".*");
        } else if (c == '?') {
          regex.append('.');
        } else {
          regex.append(Pattern.quote(String.valueOf(c)));
        }
      }
      patterns.add(new Wildcard(null, Pattern.compile(regex.toString())));
    }
    return patterns;
  }
}
