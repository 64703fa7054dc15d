package dev.codetracer.junit.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code java @file} argument file: long class paths and many {@code -D} options stay off the
 * command line, whose length the operating system limits.
 */
final class ArgumentFile {
  private ArgumentFile() {}

  static Path write(Path file, List<String> arguments) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String argument : arguments) {
      text.append(quoted(argument)).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** Every argument in double quotes, with the escapes the java launcher reads inside them. */
  static String quoted(String argument) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : argument.toCharArray()) {
      switch (c) {
        case '\\':
          quoted.append("\\\\");
          break;
        case '"':
          quoted.append("\\\"");
          break;
        case '\n':
          quoted.append("\\n");
          break;
        case '\r':
          quoted.append("\\r");
          break;
        case '\t':
          quoted.append("\\t");
          break;
        default:
          quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
