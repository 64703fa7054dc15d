package dev.codetracer.core.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The class path the {@code java} launcher gives a program: the last {@code -cp}, {@code
 * -classpath} or {@code --class-path} of its options, else the {@code CLASSPATH} environment
 * variable, else the working directory. An empty one is the working directory too, as the JVM
 * reads it.
 */
final class LauncherClassPath {
  private static final List<String> OPTIONS = List.of("-cp", "-classpath", "--class-path");
  private static final String WORKING_DIRECTORY = ".";

  private LauncherClassPath() {}

  static String of(List<String> launcherOptions, Map<String, String> environment) {
    String classPath = environment.get("CLASSPATH");
    for (int i = 0; i < launcherOptions.size(); i++) {
      String option = launcherOptions.get(i);
      if (OPTIONS.contains(option) && i + 1 < launcherOptions.size()) {
        classPath = launcherOptions.get(++i);
      } else if (option.startsWith("--class-path=")) {
        classPath = option.substring("--class-path=".length());
      }
    }
    return classPath == null || classPath.isEmpty() ? WORKING_DIRECTORY : classPath;
  }

  /** The launcher's options without those that give the class path. */
  static List<String> withoutClassPathOptions(List<String> launcherOptions) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < launcherOptions.size(); i++) {
      String option = launcherOptions.get(i);
      if (OPTIONS.contains(option)) {
        i++;
      } else if (!option.startsWith("--class-path=")) {
        kept.add(option);
      }
    }
    return kept;
  }
}
