package dev.codetracer.core.rr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of our tools (rr pack, rr sources, nm, ...) to completion and captures what it
 * printed. Output goes to temporary files rather than pipes so that a tool printing a lot on
 * both streams cannot block on a full pipe.
 */
final class ToolRun {
  /** What the tool printed and how it ended. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    boolean succeeded() {
      return exitCode == 0;
    }

    /** The tool's own explanation, one line, for an error message. */
    String complaint() {
      String said = RrMessages.firstMeaningfulLine(stderr);
      if (said.isEmpty()) {
        said = RrMessages.firstMeaningfulLine(stdout);
      }
      return said.isEmpty() ? "exit status " + exitCode : said + " (exit status " + exitCode + ")";
    }
  }

  private ToolRun() {}

  /**
   * @param environment the tool's whole environment, or null for this JVM's
   * @param timeout how long to wait, or null to wait as long as it takes
   * @throws IOException when the tool cannot be started or does not finish in time
   */
  static Result run(List<String> command, Map<String, String> environment, Path directory, Duration timeout)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("codetracer-tool", ".out");
    Path err = Files.createTempFile("codetracer-tool", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      if (environment != null) {
        builder.environment().clear();
        builder.environment().putAll(environment);
      }
      Process process = builder.start();
      try {
        if (timeout == null) {
          process.waitFor();
        } else if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
          throw new IOException(
              "`" + String.join(" ", command) + "` did not finish within " + timeout.toSeconds() + " s");
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        throw e;
      }
      return new Result(
          List.copyOf(command),
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
