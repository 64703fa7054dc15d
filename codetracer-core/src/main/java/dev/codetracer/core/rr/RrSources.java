package dev.codetracer.core.rr;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.codetracer.core.CodeTracerException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The source files named in the debug info of a trace's binaries ({@code rr sources}) or of
 * given binaries ({@code rr explicit-sources}), as absolute paths.
 */
final class RrSources {
  private RrSources() {}

  static List<String> ofTrace(RrExecutable rr, Path traceDir, Map<String, String> environment)
      throws IOException, InterruptedException {
    return listed(RrCommand.sources(rr.path(), traceDir), environment);
  }

  static List<String> ofBinaries(RrExecutable rr, List<Path> binaries, Map<String, String> environment)
      throws IOException, InterruptedException {
    return listed(RrCommand.explicitSources(rr.path(), binaries), environment);
  }

  private static List<String> listed(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ToolRun.Result result = ToolRun.run(command, environment, null, null);
    if (!result.succeeded()) {
      throw new CodeTracerException("`rr " + command.get(1) + "` failed: " + result.complaint());
    }
    return parse(result.stdout());
  }

  /**
   * Reads rr's JSON: {@code "files"} maps a version-control root (or {@code ""} for files under
   * none) to paths relative to it (absolute under {@code ""}).
   */
  static List<String> parse(String json) {
    Object files;
    try {
      files = JSON.std.mapFrom(json).get("files");
    } catch (IOException e) {
      throw new CodeTracerException("rr printed a source list that is not a JSON object: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (!(files instanceof Map<?, ?> roots)) {
      throw new CodeTracerException("rr printed no source list (no \"files\" object)");
    }
    Set<String> paths = new LinkedHashSet<>();
    for (Map.Entry<?, ?> root : roots.entrySet()) {
      if (root.getValue() instanceof List<?> filesUnderRoot) {
        for (Object file : filesUnderRoot) {
          paths.add(join((String) root.getKey(), String.valueOf(file)));
        }
      }
    }
    return new ArrayList<>(paths);
  }

  private static String join(String root, String file) {
    if (root.isEmpty() || file.startsWith("/")) {
      return file;
    }
    return root.endsWith("/") ? root + file : root + "/" + file;
  }
}
