package dev.codetracer.cli.console;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A command as a POSIX shell would take it back: an argument with spaces or quotes in single quotes. */
public final class ShellWords {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellWords() {}

  public static String join(List<String> arguments) {
    return arguments.stream().map(ShellWords::quoted).collect(Collectors.joining(" "));
  }

  static String quoted(String argument) {
    return PLAIN.matcher(argument).matches() ? argument : "'" + argument.replace("'", "'\\''") + "'";
  }
}
