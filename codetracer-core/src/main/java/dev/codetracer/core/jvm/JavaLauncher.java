package dev.codetracer.core.jvm;

import java.util.List;
import java.util.Set;

/** How the {@code java} launcher reads its command line. */
final class JavaLauncher {
  /** Launcher options that take the next argument as their value. */
  private static final Set<String> OPTIONS_WITH_VALUE =
      Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path", "--add-modules",
          "--add-exports", "--add-opens", "--add-reads", "--patch-module", "--limit-modules", "--source",
          "--enable-native-access");

  private JavaLauncher() {}

  /**
   * Where a {@code java} command's launcher options end: the index of its main class or source
   * file, of {@code -jar} or {@code -m}, or the command's length when it has none.
   */
  static int optionsEnd(List<String> command) {
    for (int i = 1; i < command.size(); i++) {
      String argument = command.get(i);
      if (isProgramStart(argument) || !argument.startsWith("-")) {
        return i;
      }
      if (OPTIONS_WITH_VALUE.contains(argument)) {
        i++;
      }
    }
    return command.size();
  }

  /** {@code -jar} or {@code -m}: what follows is the program, not the launcher's. */
  static boolean isProgramStart(String argument) {
    return argument.equals("-jar") || argument.equals("-m") || argument.equals("--module");
  }
}
