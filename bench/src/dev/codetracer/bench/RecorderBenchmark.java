package dev.codetracer.bench;

import dev.codetracer.core.jvm.ExpansionLimits;
import dev.codetracer.core.jvm.ExpansionResult;
import dev.codetracer.core.jvm.JvmTraceFinisher;
import dev.codetracer.core.jvm.RawLog;
import dev.codetracer.core.jvm.RecordedJvmOptions;
import dev.codetracer.core.jvm.RecordedStacks;
import dev.codetracer.core.jvm.ValueCodeInlining;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.TraceMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The JVM recorder's benchmark: each workload runs as a real JVM process without the agent, with
 * it recording steps and calls only ({@code values=none}) and with full values, interleaved, N
 * times; medians are reported. The recorded JVMs are started as {@code codetracer record} starts
 * them (with C1 alone and the Parallel collector, {@link RecordedJvmOptions}); for comparison, the
 * program also runs unrecorded with those options, and recorded with full values and the JVM's
 * defaults (C1 and C2, G1). The program phase (the workload's rounds, timed inside the
 * program: wall and the recorded thread's CPU) and the finishing (expanding the change log into
 * trace.bin, timed here, as {@code codetracer record} does it) are reported apart.
 *
 * <p>Usage: {@code RecorderBenchmark AGENT_JAR WORKLOAD_CLASSES WORK_DIR RUNS [workload args...]}
 */
public final class RecorderBenchmark {
  record Workload(String name, String mainClass, List<String> args) {}

  record Run(long processNanos, long[] roundWall, long[] roundCpu, long rawBytes, long finishNanos,
      long binBytes, long steps, long streamEvents, long rawEvents) {}

  /**
   * How a workload is run: unrecorded or recording {@code values}, with the options of a JVM
   * started only to be recorded ({@link RecordedJvmOptions}) or with the JVM's defaults.
   */
  record Mode(String label, String values, boolean recordedJvmOptions) {
    boolean recorded() {
      return values != null;
    }
  }

  private static final Mode PLAIN = new Mode("without agent", null, false);
  private static final Mode STEPS = new Mode("steps + calls", "none", true);
  private static final Mode FULL = new Mode("full values", "full", true);
  private static final List<Mode> MODES = List.of(
      PLAIN, new Mode("without agent, C1 alone and Parallel GC", null, true), STEPS, FULL,
      new Mode("full values, the JVM's defaults (C1 and C2, G1)", "full", false));

  public static void main(String[] argv) throws Exception {
    Path agent = Path.of(argv[0]).toAbsolutePath();
    Path classes = Path.of(argv[1]).toAbsolutePath();
    Path work = Path.of(argv[2]).toAbsolutePath();
    int runs = Integer.parseInt(argv[3]);
    List<Workload> workloads = List.of(
        new Workload("(a) CPU-bound loops and small methods", "bench.CpuLoops", List.of("30000", "8")),
        new Workload("(b) unit-test-shaped (parsing, collections, strings)", "bench.UnitTestShaped", List.of("100", "10")),
        new Workload("(c) maps and lists updated in place", "bench.InPlaceUpdates", List.of("4000", "10")));
    Files.createDirectories(work);
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "java %s, %d cores, load average at start %s, %d runs per mode (medians)%n%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAverage(), runs));
    for (Workload workload : workloads) {
      Map<Mode, List<Run>> results = new LinkedHashMap<>();
      for (Mode mode : MODES) {
        results.put(mode, new ArrayList<>());
      }
      for (int i = 0; i < runs; i++) {
        for (int m = 0; m < MODES.size(); m++) {
          Mode mode = MODES.get(m);
          results.get(mode).add(run(workload, mode, agent, classes, work.resolve(workload.mainClass() + "-" + m + "-" + i)));
        }
      }
      report.append(describe(workload, results)).append('\n');
    }
    report.append("load average at end ").append(loadAverage()).append('\n');
    System.out.print(report);
  }

  private static Run run(Workload workload, Mode mode, Path agent, Path classes, Path folder) throws Exception {
    deleteRecursively(folder);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (mode.recorded()) {
      String options = "output=" + folder + ",finish=external,format=bin,values=" + mode.values()
          + ",maxSteps=2000000000,maxEvents=100000000000,maxBytes=64g";
      // the JVM as codetracer record starts it
      command.add("-javaagent:" + agent + "=" + options);
      command.add(RecordedStacks.option(List.of()));
      command.addAll(
          mode.recordedJvmOptions() ? RecordedJvmOptions.forRecordedJvm(options, List.of(), Map.of(), folder) : ValueCodeInlining.forAgentOptions(options));
    } else if (mode.recordedJvmOptions()) {
      command.addAll(RecordedJvmOptions.forRecordedJvm("values=none", List.of(), Map.of(), folder));
    }
    command.add("-cp");
    command.add(classes.toString());
    command.add(workload.mainClass());
    command.addAll(workload.args());
    Path err = Files.createTempFile("bench", ".err");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(err));
    }
    long processNanos = System.nanoTime() - start;
    List<long[]> rounds = new ArrayList<>();
    for (String line : Files.readAllLines(err)) {
      if (line.startsWith("round ")) {
        String[] parts = line.split(" ");
        rounds.add(new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])});
      }
    }
    Files.delete(err);
    long[] wall = rounds.stream().mapToLong(r -> r[0]).toArray();
    long[] cpu = rounds.stream().mapToLong(r -> r[1]).toArray();
    if (!mode.recorded()) {
      return new Run(processNanos, wall, cpu, 0, 0, 0, 0, 0, 0);
    }
    long rawBytes = Files.size(folder.resolve(RawLog.FILE_NAME));
    TraceMetadata metadata = new TraceMetadata();
    long finishStart = System.nanoTime();
    ExpansionResult result = JvmTraceFinisher.finish(folder, TraceFormat.BIN,
        new ExpansionLimits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE), folder, metadata);
    long finishNanos = System.nanoTime() - finishStart;
    long binBytes = Files.size(folder.resolve("trace.bin"));
    long rawEvents = result.facts().get("raw_events") instanceof Number n ? n.longValue() : -1;
    Run run = new Run(processNanos, wall, cpu, rawBytes, finishNanos, binBytes, result.steps(), result.events(), rawEvents);
    deleteRecursively(folder);
    return run;
  }

  private static String describe(Workload workload, Map<Mode, List<Run>> results) {
    StringBuilder out = new StringBuilder();
    out.append("### ").append(workload.name()).append(" — `").append(workload.mainClass()).append(' ')
        .append(String.join(" ", workload.args())).append("`\n\n");
    out.append("| mode | program phase, all rounds (wall) | first round (wall) | steady rounds 3+ (recorded thread CPU) | process | finishing (expand to trace.bin) |\n");
    out.append("|---|---|---|---|---|---|\n");
    List<Run> plain = results.get(PLAIN);
    double plainTotal = median(plain, r -> sum(r.roundWall()));
    double plainFirst = median(plain, r -> r.roundWall()[0]);
    double plainSteady = median(plain, r -> steady(r.roundCpu()));
    double plainProcess = median(plain, Run::processNanos);
    for (Mode mode : MODES) {
      List<Run> runs = results.get(mode);
      double total = median(runs, r -> sum(r.roundWall()));
      double first = median(runs, r -> r.roundWall()[0]);
      double steady = median(runs, r -> steady(r.roundCpu()));
      double process = median(runs, Run::processNanos);
      double finish = median(runs, Run::finishNanos);
      out.append(String.format(Locale.ROOT, "| %s | %s (%.1fx) | %s (%.1fx) | %s (%.1fx) | %s (%.1fx) | %s |%n",
          mode.label(), ms(total), total / plainTotal, ms(first), first / plainFirst, ms(steady), steady / plainSteady,
          ms(process), process / plainProcess, mode.recorded() ? ms(finish) : "-"));
    }
    out.append('\n');
    out.append("| mode | steps | change-log events | events/s (program phase) | change log | trace.bin | bytes/step (trace.bin) | stream events | expansion, stream events/s |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Mode mode : List.of(STEPS, FULL)) {
      List<Run> runs = results.get(mode);
      Run r = runs.get(0);
      double total = median(runs, run -> sum(run.roundWall()));
      double finish = median(runs, Run::finishNanos);
      out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,.0f M/s | %s | %s | %.2f | %,d | %,.1f M/s |%n",
          mode.label(), r.steps(), r.rawEvents(),
          r.rawEvents() / (total / 1e9) / 1e6, mb(r.rawBytes()), mb(r.binBytes()), (double) r.binBytes() / r.steps(),
          r.streamEvents(), r.streamEvents() / (finish / 1e9) / 1e6));
    }
    return out.toString();
  }

  private static long sum(long[] values) {
    return Arrays.stream(values).sum();
  }

  /** The median of rounds 3 and later. */
  private static double steady(long[] rounds) {
    long[] tail = Arrays.copyOfRange(rounds, Math.min(3, rounds.length - 1), rounds.length);
    Arrays.sort(tail);
    return tail[tail.length / 2];
  }

  private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
    double[] values = runs.stream().mapToDouble(value).sorted().toArray();
    return values[values.length / 2];
  }

  private static String ms(double nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
