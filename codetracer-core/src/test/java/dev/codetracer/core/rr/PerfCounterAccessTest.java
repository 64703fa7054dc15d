package dev.codetracer.core.rr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel checks on /proc and /sys trees built for each case, for the causes this machine
 * cannot show (here perf_event_paranoid does not matter because the tests run as root).
 */
class PerfCounterAccessTest {
  private static final String UNPRIVILEGED = "CapEff:\t0000000000000000\n";
  private static final String WITH_CAP_PERFMON = "CapEff:\t0000004000000000\n";
  private static final String WITH_CAP_SYS_ADMIN = "CapEff:\t0000000000200000\n";

  @TempDir Path tmp;
  private int machines;

  /** A fresh /proc and /sys tree with the given paranoid level, status and event sources. */
  private PerfCounterAccess machine(String paranoid, String status, String arch, String... eventSources) throws Exception {
    Path root = Files.createDirectory(tmp.resolve("machine-" + machines++));
    Path proc = root.resolve("proc");
    Path sys = root.resolve("sys");
    Files.createDirectories(proc.resolve("sys/kernel"));
    Files.createDirectories(proc.resolve("self"));
    if (paranoid != null) {
      Files.writeString(proc.resolve("sys/kernel/perf_event_paranoid"), paranoid + "\n");
    }
    Files.writeString(proc.resolve("self/status"), "Name:\tjava\n" + status + "CapBnd:\t000001ffffffffff\n");
    if (eventSources != null) {
      Path devices = Files.createDirectories(sys.resolve("bus/event_source/devices"));
      for (String source : eventSources) {
        Files.createDirectories(devices.resolve(source));
      }
    }
    return new PerfCounterAccess(proc, sys, arch);
  }

  @Test
  void paranoidAboveOneForAnUnprivilegedUserNamesTheValueAndTheFix() throws Exception {
    PerfCounterAccess access = machine("3", UNPRIVILEGED, "amd64", "cpu", "software");
    assertThat(access.problem())
        .hasValue(
            "rr cannot use the hardware performance counters: kernel.perf_event_paranoid is 3 and rr needs 1 or lower;"
                + " lower it with `sudo sysctl kernel.perf_event_paranoid=1`, " + RrMessages.ALTERNATIVES);
  }

  @Test
  void paranoidDoesNotMatterWithCapPerfmonOrCapSysAdmin() throws Exception {
    assertThat(machine("2", WITH_CAP_PERFMON, "amd64", "cpu").problem()).isEmpty();
    assertThat(machine("2", WITH_CAP_SYS_ADMIN, "amd64", "cpu").problem()).isEmpty();
  }

  @Test
  void paranoidOneOrLowerIsFine() throws Exception {
    assertThat(machine("1", UNPRIVILEGED, "amd64", "cpu").problem()).isEmpty();
    assertThat(machine("-1", UNPRIVILEGED, "amd64", "cpu_core", "cpu_atom").problem()).isEmpty();
  }

  @Test
  void eventSourcesWithoutTheCpusAreAMachineWithoutPmu() throws Exception {
    PerfCounterAccess access = machine("1", UNPRIVILEGED, "amd64", "breakpoint", "software", "tracepoint", "msr", "uprobe");
    assertThat(access.problem())
        .hasValue(
            "rr cannot record here: no hardware performance counters (PMU): this looks like a VM or hosted CI runner"
                + " without a virtual PMU; " + RrMessages.ALTERNATIVES);
    assertThat(access.problem().get()).contains("software-counter rr build", "--backend jvm", "vPMU");
  }

  @Test
  void paranoidIsReportedFirstWhenBothAreWrong() throws Exception {
    assertThat(machine("4", UNPRIVILEGED, "amd64", "software").problem().get()).contains("kernel.perf_event_paranoid is 4");
  }

  @Test
  void armPmusAreNamedAfterTheCore() throws Exception {
    assertThat(machine("1", UNPRIVILEGED, "aarch64", "armv8_pmuv3_0", "software").problem()).isEmpty();
    assertThat(machine("1", UNPRIVILEGED, "aarch64", "software").problem()).isPresent();
  }

  @Test
  void whenTheKernelSaysNothingTheProbeDecides() throws Exception {
    assertThat(machine(null, UNPRIVILEGED, "amd64", (String[]) null).problem()).isEmpty();
  }

  @Test
  void thisMachinesOwnFilesAreReadable() {
    PerfCounterAccess access = PerfCounterAccess.ofThisMachine();
    if (Files.exists(Path.of("/proc/sys/kernel/perf_event_paranoid"))) {
      assertThat(access.paranoidLevel()).isPresent();
    }
    if (Files.isDirectory(Path.of("/sys/bus/event_source/devices"))) {
      assertThat(access.hasCpuPmu()).isNotNull();
    }
  }
}
