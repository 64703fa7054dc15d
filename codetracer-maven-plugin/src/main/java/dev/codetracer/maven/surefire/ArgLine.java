package dev.codetracer.maven.surefire;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surefire's {@code argLine}: {@code @{name}} placeholders replaced as late as Surefire replaces
 * them (from the properties the build has set so far, e.g. by JaCoCo's or our own {@code
 * prepare-agent}), {@code ${surefire.forkNumber}} for the one fork, then split into arguments the
 * way a shell would (quotes group, backslash escapes).
 */
public final class ArgLine {
  private static final Pattern LATE_PROPERTY = Pattern.compile("@\\{([^}]+)\\}");
  private static final Pattern FORK_NUMBER = Pattern.compile("\\$\\{surefire\\.(forkNumber|threadNumber)\\}");

  private ArgLine() {}

  /**
   * Replaces {@code @{name}} with the property's value: the user's ({@code -Dname=}) first, then
   * the project's. A property nobody set becomes empty, and {@code unknown} hears of it.
   */
  public static String replaceLateProperties(String argLine, Properties userProperties, Properties projectProperties, Consumer<String> unknown) {
    if (argLine == null) {
      return "";
    }
    Matcher matcher = LATE_PROPERTY.matcher(argLine);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = userProperties.getProperty(name, projectProperties.getProperty(name));
      if (value == null) {
        unknown.accept(name);
        value = "";
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return FORK_NUMBER.matcher(out).replaceAll("1");
  }

  /**
   * The arguments without a codetracer agent ({@code prepare-agent} may have put one in the
   * {@code argLine}): the record goal adds its own, and one JVM takes one recorder.
   */
  public static List<String> withoutOurAgent(List<String> args) {
    List<String> kept = new ArrayList<>();
    for (String arg : args) {
      if (!isOurAgent(arg)) {
        kept.add(arg);
      }
    }
    return kept;
  }

  public static boolean isOurAgent(String arg) {
    if (!arg.startsWith("-javaagent:")) {
      return false;
    }
    int options = arg.indexOf('=');
    String jar = options < 0 ? arg : arg.substring(0, options);
    return jar.contains("codetracer-agent");
  }

  /** Splits like a shell: whitespace separates, quotes group, a backslash escapes. */
  public static List<String> split(String argLine) {
    List<String> args = new ArrayList<>();
    if (argLine == null) {
      return args;
    }
    StringBuilder current = new StringBuilder();
    boolean inArgument = false;
    char quote = 0;
    for (int i = 0; i < argLine.length(); i++) {
      char c = argLine.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < argLine.length() && (argLine.charAt(i + 1) == '"' || argLine.charAt(i + 1) == '\\')) {
          current.append(argLine.charAt(++i));
        } else {
          current.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inArgument = true;
      } else if (Character.isWhitespace(c)) {
        if (inArgument) {
          args.add(current.toString());
          current.setLength(0);
          inArgument = false;
        }
      } else if (c == '\\' && i + 1 < argLine.length()) {
        current.append(argLine.charAt(++i));
        inArgument = true;
      } else {
        current.append(c);
        inArgument = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unbalanced " + quote + " quote in \"" + argLine + "\"");
    }
    if (inArgument) {
      args.add(current.toString());
    }
    return args;
  }
}
