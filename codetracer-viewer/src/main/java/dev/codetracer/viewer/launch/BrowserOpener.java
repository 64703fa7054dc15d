package dev.codetracer.viewer.launch;

import dev.codetracer.core.record.ProgramEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a URL in the user's browser: {@code $BROWSER} (a colon-separated list of commands, each
 * optionally with {@code %s}), else {@code xdg-open} (or {@code open} on macOS) when on the PATH.
 * Nothing is waited for; when there is no way to open one, the caller just prints the URL.
 */
public final class BrowserOpener {
  private final Map<String, String> environment;

  public BrowserOpener(Map<String, String> environment) {
    this.environment = environment;
  }

  public static BrowserOpener ofThisProcess() {
    return new BrowserOpener(System.getenv());
  }

  /** The command that would open the URL, or empty when there is none. */
  public Optional<List<String>> command(String url) {
    String browser = environment.get("BROWSER");
    if (browser != null && !browser.isBlank()) {
      for (String entry : browser.split(":")) {
        List<String> command = new ArrayList<>(List.of(entry.strip().split("\\s+")));
        if (command.isEmpty() || command.get(0).isEmpty() || onPath(command.get(0)).isEmpty()) {
          continue;
        }
        boolean placed = false;
        for (int i = 0; i < command.size(); i++) {
          if (command.get(i).contains("%s")) {
            command.set(i, command.get(i).replace("%s", url));
            placed = true;
          }
        }
        if (!placed) {
          command.add(url);
        }
        return Optional.of(command);
      }
    }
    String opener = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? "open" : "xdg-open";
    return onPath(opener).map(path -> List.of(path.toString(), url));
  }

  /** Starts the browser; the command used, or empty when there is no way to open one here. */
  public Optional<List<String>> open(String url) {
    Optional<List<String>> command = command(url);
    if (command.isEmpty()) {
      return Optional.empty();
    }
    try {
      ProcessBuilder browser = new ProcessBuilder(command.get())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      ProgramEnvironment.restoreJvmOptions(browser.environment());
      browser.start();
      return command;
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<Path> onPath(String program) {
    if (program.contains("/")) {
      Path path = Path.of(program);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String path = environment.getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
