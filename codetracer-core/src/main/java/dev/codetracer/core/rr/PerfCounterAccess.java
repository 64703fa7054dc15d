package dev.codetracer.core.rr;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the kernel says about the hardware performance counters rr needs: the {@code
 * perf_event_paranoid} setting and whether the CPU's PMU is exposed at all. Reads from the
 * given /proc and /sys roots, so the checks can be pointed at other trees.
 */
final class PerfCounterAccess {
  private static final int CAP_SYS_ADMIN = 21;
  private static final int CAP_PERFMON = 38;

  private final Path proc;
  private final Path sys;
  private final String arch;

  PerfCounterAccess(Path proc, Path sys, String arch) {
    this.proc = proc;
    this.sys = sys;
    this.arch = arch;
  }

  static PerfCounterAccess ofThisMachine() {
    return new PerfCounterAccess(Path.of("/proc"), Path.of("/sys"), System.getProperty("os.arch"));
  }

  /** Why rr cannot use the counters here, when the kernel already tells; empty otherwise. */
  Optional<String> problem() {
    OptionalInt paranoid = paranoidLevel();
    if (paranoid.isPresent() && paranoid.getAsInt() > 1 && !privileged()) {
      return Optional.of(
          "rr cannot use the hardware performance counters: kernel.perf_event_paranoid is "
              + paranoid.getAsInt()
              + " and rr needs 1 or lower; lower it with `sudo sysctl kernel.perf_event_paranoid=1`, "
              + RrMessages.ALTERNATIVES);
    }
    if (Boolean.FALSE.equals(hasCpuPmu())) {
      return Optional.of(
          "rr cannot record here: no hardware performance counters (PMU): this looks like a VM or hosted"
              + " CI runner without a virtual PMU; "
              + RrMessages.ALTERNATIVES);
    }
    return Optional.empty();
  }

  OptionalInt paranoidLevel() {
    try {
      return OptionalInt.of(Integer.parseInt(Files.readString(proc.resolve("sys/kernel/perf_event_paranoid")).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * True when this process has CAP_SYS_ADMIN or CAP_PERFMON, which let rr open the counters
   * whatever perf_event_paranoid says (rr runs as a child with the same privileges).
   */
  boolean privileged() {
    try {
      for (String line : Files.readAllLines(proc.resolve("self/status"))) {
        if (line.startsWith("CapEff:")) {
          BigInteger caps = new BigInteger(line.substring("CapEff:".length()).strip(), 16);
          return caps.testBit(CAP_SYS_ADMIN) || caps.testBit(CAP_PERFMON);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // unknown: treat as unprivileged, the usual case
    }
    return false;
  }

  /**
   * True when the kernel lists a CPU PMU, false when it lists event sources but none of the
   * CPU's, null when it cannot tell (no /sys/bus/event_source, e.g. sysfs not mounted).
   */
  Boolean hasCpuPmu() {
    Path devices = sys.resolve("bus/event_source/devices");
    if (!Files.isDirectory(devices)) {
      return null;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(devices)) {
      for (Path entry : entries) {
        if (isCpuPmu(entry.getFileName().toString())) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return null;
    }
  }

  private boolean isCpuPmu(String name) {
    // x86: "cpu", or "cpu_core"/"cpu_atom" on hybrid Intel CPUs; Arm PMUs are named after the
    // core type (armv8_pmuv3_0, armv8_cortex_a72, apple_firestorm_pmu)
    if (name.equals("cpu") || name.equals("cpu_core") || name.equals("cpu_atom")) {
      return true;
    }
    boolean arm = arch.equals("aarch64") || arch.startsWith("arm");
    return arm && (name.startsWith("armv") || name.endsWith("_pmu") || name.contains("pmuv3"));
  }
}
