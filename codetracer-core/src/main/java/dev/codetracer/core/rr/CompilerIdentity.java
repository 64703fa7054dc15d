package dev.codetracer.core.rr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compilers named in a binary's {@code .comment} section ({@code GCC: (Debian 12.2.0-14)
 * 12.2.0}), which GCC and Clang fill in; read with {@code readelf -p .comment}.
 */
final class CompilerIdentity {
  private static final Pattern DUMP_LINE = Pattern.compile("^\\s*\\[\\s*[0-9a-fA-F]+\\]\\s+(.+)$");

  private CompilerIdentity() {}

  static List<String> command(Path binary) {
    return List.of("readelf", "-p", ".comment", binary.toString());
  }

  /** The compilers, joined with {@code "; "}, or null when the binary does not say. */
  static String of(Path binary) throws InterruptedException {
    try {
      ToolRun.Result result = ToolRun.run(command(binary), null, null, null);
      return result.succeeded() ? parse(result.stdout()) : null;
    } catch (IOException e) {
      return null; // readelf missing: the compiler is simply not recorded
    }
  }

  static String parse(String readelfOutput) {
    Set<String> compilers = new LinkedHashSet<>();
    for (String line : readelfOutput.split("\\R")) {
      Matcher matcher = DUMP_LINE.matcher(line);
      if (matcher.matches()) {
        compilers.add(matcher.group(1).strip());
      }
    }
    return compilers.isEmpty() ? null : String.join("; ", compilers);
  }
}
