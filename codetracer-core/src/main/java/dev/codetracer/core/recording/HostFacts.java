package dev.codetracer.core.recording;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about the recording machine that go into every recording's metadata. */
public final class HostFacts {
  private HostFacts() {}

  public static void fill(TraceMetadata metadata) {
    metadata.hostOs = System.getProperty("os.name") + " " + System.getProperty("os.version");
    metadata.hostArch = System.getProperty("os.arch");
    metadata.hostName = hostName();
    metadata.cpuModel = cpuModel();
    metadata.user = System.getProperty("user.name");
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return System.getenv().getOrDefault("HOSTNAME", "unknown");
    }
  }

  static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    try {
      List<String> lines = Files.readAllLines(cpuinfo);
      for (String line : lines) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or /proc unreadable: the model stays unknown
    }
    return null;
  }
}
