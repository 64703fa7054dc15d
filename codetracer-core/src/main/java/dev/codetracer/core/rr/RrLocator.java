package dev.codetracer.core.rr;

import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.RecorderUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the rr to use: {@code --rr PATH}, then {@code CODETRACER_RR}, then the PATH. */
final class RrLocator {
  static final String ENVIRONMENT_VARIABLE = "CODETRACER_RR";
  private static final Pattern VERSION = Pattern.compile("rr version (\\S+)");
  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);

  private RrLocator() {}

  /**
   * The rr for this request, checked to run ({@code rr --version}).
   *
   * @throws RecorderUnavailableException when there is none, or it does not run
   */
  static RrExecutable locate(RecordRequest request) {
    Map<String, String> environment = request.environment();
    Path chosen;
    String origin;
    if (request.rrExecutable() != null) {
      origin = request.rrExecutableOption();
      chosen = explicit(request.rrExecutable().toString(), origin, request.workdir(), environment);
    } else if (environmentValue(environment).isPresent()) {
      origin = RrExecutable.FROM_ENVIRONMENT;
      chosen = explicit(environmentValue(environment).get(), origin, request.workdir(), environment);
    } else {
      origin = RrExecutable.FROM_PATH;
      chosen =
          NativeProgram.onPath("rr", request.workdir(), environment)
              .orElseThrow(
                  () ->
                      new RecorderUnavailableException(
                          "rr is not installed (not found on PATH): install it (e.g. `apt-get install rr`),"
                              + " or point --rr or CODETRACER_RR at an rr build; for Java code use the JVM"
                              + " recorder (--backend jvm)"));
    }
    return new RrExecutable(chosen, origin, version(chosen, origin, environment));
  }

  /** {@code CODETRACER_RR} from the environment the program gets (the CLI passes its own). */
  private static Optional<String> environmentValue(Map<String, String> environment) {
    String value = environment.get(ENVIRONMENT_VARIABLE);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Path explicit(String value, String origin, Path workdir, Map<String, String> environment) {
    Path path;
    if (value.contains("/")) {
      path = workdir.resolve(value).toAbsolutePath().normalize();
    } else {
      path = NativeProgram.onPath(value, workdir, environment).orElse(workdir.resolve(value).toAbsolutePath());
    }
    if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
      throw new RecorderUnavailableException(
          "rr not found at " + path + " (given with " + origin + "): point " + origin + " at an rr executable");
    }
    return path;
  }

  private static String version(Path rr, String origin, Map<String, String> environment) {
    ToolRun.Result result;
    try {
      result = ToolRun.run(RrCommand.version(rr), environment, null, VERSION_TIMEOUT);
    } catch (IOException e) {
      throw new RecorderUnavailableException(
          "cannot run rr at " + rr + " (from " + origin + "): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecorderUnavailableException("interrupted while checking rr at " + rr);
    }
    if (!result.succeeded()) {
      throw new RecorderUnavailableException(
          rr + " (from " + origin + ") does not work as rr: `rr --version` failed: " + result.complaint());
    }
    return parseVersion(result.stdout());
  }

  /** {@code rr version 5.6.0} gives {@code 5.6.0}; anything else is kept as printed. */
  static String parseVersion(String output) {
    Matcher matcher = VERSION.matcher(output);
    if (matcher.find()) {
      return matcher.group(1);
    }
    String line = RrMessages.firstMeaningfulLine(output);
    return line.isEmpty() ? "unknown" : line;
  }
}
