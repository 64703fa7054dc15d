package dev.codetracer.core.rr;

import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.TraceFormat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Requests, environments and machine facts shared by the rr tests. */
final class RrTestSupport {
  private RrTestSupport() {}

  static RecordRequest request(List<String> command, Path workdir, Path folder, Map<String, String> environment, Path rr) {
    return new RecordRequest(command, workdir, folder, environment, TraceFormat.JSON, rr, true, null);
  }

  /** This JVM's environment without CODETRACER_RR, so a developer's setting cannot change a test. */
  static Map<String, String> cleanEnvironment() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.remove(RrLocator.ENVIRONMENT_VARIABLE);
    return environment;
  }

  static Optional<Path> realRr() {
    return NativeProgram.onPath("rr", Path.of("").toAbsolutePath(), System.getenv());
  }

  /** The probe folders of RrProbe currently in the temporary directory. */
  static Set<String> probeFolders() throws IOException {
    Set<String> names = new TreeSet<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), "codetracer-rr-probe*")) {
      entries.forEach(entry -> names.add(entry.getFileName().toString()));
    }
    return names;
  }

  /** Every file under {@code root}, relative, with {@code /} separators, sorted. */
  static Set<String> filesUnder(Path root) throws IOException {
    Set<String> files = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (var walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(file -> files.add(root.relativize(file).toString().replace('\\', '/')));
    }
    return files;
  }

  /**
   * What keeps rr from recording here, worked out independently of the backend from the
   * kernel's files and, when those say nothing, a recording of {@code /bin/true} by rr itself:
   * the words the pre-flight message must contain. Empty when this machine can record.
   */
  static Optional<String> whyThisMachineCannotRecord() throws IOException, InterruptedException {
    Optional<Path> rr = realRr();
    if (rr.isEmpty()) {
      return Optional.of("rr is not installed (not found on PATH)");
    }
    Path paranoidFile = Path.of("/proc/sys/kernel/perf_event_paranoid");
    if (Files.exists(paranoidFile)) {
      int paranoid = Integer.parseInt(Files.readString(paranoidFile).strip());
      if (paranoid > 1 && !runsAsRoot()) {
        return Optional.of("kernel.perf_event_paranoid is " + paranoid);
      }
    }
    Path devices = Path.of("/sys/bus/event_source/devices");
    boolean x86 = Set.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    if (x86 && Files.isDirectory(devices)
        && List.of("cpu", "cpu_core", "cpu_atom").stream().noneMatch(name -> Files.exists(devices.resolve(name)))) {
      return Optional.of("no hardware performance counters (PMU)");
    }
    Path scratch = Files.createTempDirectory("rr-test-own-probe");
    try {
      ToolRun.Result result =
          ToolRun.run(List.of(rr.get().toString(), "record", "-o", scratch.resolve("t").toString(), "/bin/true"), null, scratch, null);
      if (result.exitCode() != 0) {
        return Optional.of("rr cannot record on this machine: " + RrMessages.firstMeaningfulLine(result.stderr()));
      }
      return Optional.empty();
    } finally {
      dev.codetracer.core.io.FileTrees.deleteQuietly(scratch);
    }
  }

  static boolean runsAsRoot() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("Uid:")) {
        return line.substring(4).strip().split("\\s+")[1].equals("0");
      }
    }
    return false;
  }
}
