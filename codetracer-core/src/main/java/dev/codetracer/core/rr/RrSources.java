package dev.codetracer.core.rr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper JSON = new ObjectMapper();

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
    JsonNode files;
    try {
      files = JSON.readTree(json).path("files");
      if (!files.isObject()) {
        throw new CodeTracerException("rr printed no source list (no \"files\" object)");
      }
    } catch (JsonProcessingException e) {
      throw new CodeTracerException("rr printed a source list that is not JSON: " + e.getOriginalMessage());
    }
    Set<String> paths = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> root : files.properties()) {
      for (JsonNode file : root.getValue()) {
        paths.add(join(root.getKey(), file.asText()));
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
