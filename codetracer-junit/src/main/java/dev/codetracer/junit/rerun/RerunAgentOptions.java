package dev.codetracer.junit.rerun;

import dev.codetracer.core.jvm.AgentOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent options of a rerun JVM: the user's ({@code codetracer.agent.options}), plus the size
 * cap and the exclusion of the libraries codetracer-junit brings onto the test class path, unless
 * the user set those options.
 */
public final class RerunAgentOptions {
  /** codetracer-core's libraries, on the test class path with this extension: recording them is noise. */
  static final String CODETRACER_LIBRARIES =
      "com.fasterxml.jackson.*:org.sqlite.*:org.xerial.*:org.apache.commons.compress.*:org.apache.commons.io.*:com.github.luben.*";

  private RerunAgentOptions() {}

  public static String of(String userOptions, long maxSizeBytes) {
    String user = userOptions == null ? "" : userOptions.trim();
    List<String> options = new ArrayList<>();
    if (!has(user, "maxBytes")) {
      options.add("maxBytes=" + maxSizeBytes);
    }
    if (!has(user, "excludes") && !has(user, "includes")) {
      options.add("excludes=" + AgentOptions.escape(CODETRACER_LIBRARIES));
    }
    if (!user.isEmpty()) {
      options.add(user);
    }
    return String.join(",", options);
  }

  private static boolean has(String options, String key) {
    for (String part : AgentOptions.split(options)) {
      if (part.trim().startsWith(key + "=")) {
        return true;
      }
    }
    return false;
  }
}
