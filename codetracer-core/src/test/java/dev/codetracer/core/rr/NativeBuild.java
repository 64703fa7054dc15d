package dev.codetracer.core.rr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Compiles small real C and C++ programs for the tests, with the machine's gcc/g++. */
final class NativeBuild {
  private NativeBuild() {}

  /** The compiler when installed (on the PATH), for assumptions that print why a test is skipped. */
  static Optional<Path> compiler(String name) {
    return NativeProgram.onPath(name, Path.of("").toAbsolutePath(), System.getenv());
  }

  /** Runs {@code compiler -g -O0 -o output sources...} in {@code dir} and returns the binary. */
  static Path compile(String compiler, Path dir, String output, String... sources)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(compiler, "-g", "-O0", "-o", output));
    command.addAll(List.of(sources));
    ToolRun.Result result = ToolRun.run(command, null, dir, null);
    assertThat(result.exitCode()).as("%s failed: %s", command, result.stderr()).isZero();
    return dir.resolve(output).toAbsolutePath();
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** The 1-based number of the first line of {@code text} containing {@code fragment}. */
  static int lineOf(String text, String fragment) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line contains " + fragment);
  }

  /** A program that creates the file named by its first argument, so a test can tell it ran. */
  static Path markerProgram(Path dir) throws IOException, InterruptedException {
    write(
        dir,
        "marker.c",
        "#include <stdio.h>\n"
            + "int main(int argc, char **argv) {\n"
            + "  FILE *f = fopen(argv[1], \"w\");\n"
            + "  if (f == NULL) return 2;\n"
            + "  fputs(\"ran\\n\", f);\n"
            + "  fclose(f);\n"
            + "  return 0;\n"
            + "}\n");
    return compile("gcc", dir, "marker", "marker.c");
  }
}
