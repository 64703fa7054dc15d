package dev.codetracer.core.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM options with the files they name read in: the launcher's {@code @argfiles} and HotSpot's
 * {@code -XX:VMOptionsFile=}, whose options count as if given there. Read to tell what the options
 * choose, not to run them: words split at white space, quotes taken off, {@code #} comment lines
 * left out; a file that cannot be read adds nothing.
 */
final class JvmOptionFiles {
  private static final String VM_OPTIONS_FILE = "-XX:VMOptionsFile=";

  private JvmOptionFiles() {}

  static List<String> expanded(List<String> options, Path workdir) {
    List<String> expanded = new ArrayList<>();
    for (String option : options) {
      if (option.startsWith("@") && !option.startsWith("@@")) {
        expanded.addAll(words(workdir.resolve(option.substring(1))));
      } else if (option.startsWith(VM_OPTIONS_FILE)) {
        expanded.add(option);
        expanded.addAll(words(workdir.resolve(option.substring(VM_OPTIONS_FILE.length()))));
      } else {
        expanded.add(option);
      }
    }
    return expanded;
  }

  private static List<String> words(Path file) {
    List<String> words = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.strip().startsWith("#")) {
          continue;
        }
        for (String word : line.strip().split("\\s+")) {
          String unquoted = word.replaceAll("^[\"']|[\"']$", "");
          if (!unquoted.isEmpty()) {
            words.add(unquoted);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the JVM refuses to start with it, recorded or not
    }
    return words;
  }
}
