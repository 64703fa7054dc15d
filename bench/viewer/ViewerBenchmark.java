import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.trace.BinTraceWriter;
import dev.codetracer.core.trace.TraceFileFormat;
import dev.codetracer.viewer.RecordingViewer;
import dev.codetracer.viewer.index.IndexListener;
import dev.codetracer.viewer.index.IndexStore;
import dev.codetracer.viewer.server.ServerOptions;
import dev.codetracer.viewer.server.ViewerServer;
import dev.codetracer.viewer.testing.LoopRecordings;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The viewer's benchmark (run.sh runs it): time to open a recording of N steps and to move
 * through it, over real HTTP as the page does it. Modes, each in a fresh JVM:
 *   generate FOLDER json|bin STEPS   write the recording (the loop of LoopRecordings)
 *   index FOLDER                     first open: build the index (removed first)
 *   open FOLDER                      a later open, then every kind of step at 200 places
 */
public class ViewerBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern STEP = Pattern.compile("\"step\":(\\d+)");
  private static final int SAMPLES = 200;

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[1]);
    switch (args[0]) {
      case "generate" -> generate(folder, args[2], Long.parseLong(args[3]));
      case "index" -> index(folder);
      case "open" -> openAndStep(folder);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void generate(Path folder, String format, long steps) throws Exception {
    long start = System.nanoTime();
    LoopRecordings.write(folder, format.equals("bin") ? TraceFileFormat.BIN : TraceFileFormat.JSON, steps,
        BinTraceWriter.DEFAULT_FRAME_SIZE);
    Path stream = RecordingFolder.open(folder).eventStream();
    System.out.printf("generated %s: %,d bytes in %.1f s%n", stream, Files.size(stream), seconds(start));
  }

  private static void index(Path folder) throws Exception {
    Path home = IndexStore.home(folder);
    if (Files.isDirectory(home)) {
      try (var files = Files.walk(home)) {
        files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    long start = System.nanoTime();
    try (RecordingViewer viewer = RecordingViewer.open(RecordingFolder.open(folder), IndexListener.SILENT)) {
      var manifest = viewer.index().orElseThrow().manifest();
      System.out.printf("RESULT index %.2f s (%,d events, %,d steps, %,d calls; error: %s)%n", seconds(start),
          manifest.events, manifest.steps, manifest.calls, manifest.streamError);
    }
    long indexBytes = 0;
    try (var files = Files.walk(home)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p)) {
          indexBytes += Files.size(p);
        }
      }
    }
    System.out.printf("RESULT index-size %,d bytes%n", indexBytes);
  }

  /** A later open as `codetracer host` does it, then the page's first requests; then the moves. */
  private static void openAndStep(Path folder) throws Exception {
    long start = System.nanoTime();
    long startCpu = cpuNanos();
    RecordingViewer viewer = RecordingViewer.open(RecordingFolder.open(folder), IndexListener.SILENT);
    System.err.printf("  opened the index: %.3f s%n", seconds(start));
    ViewerServer server = ViewerServer.start(viewer, ServerOptions.loopback(0), System.err);
    System.err.printf("  server started: %.3f s%n", seconds(start));
    String base = "http://127.0.0.1:" + server.port();
    get(base + "/");
    System.err.printf("  page: %.3f s%n", seconds(start));
    get(base + "/viewer.js");
    String recording = get(base + "/api/recording");
    get(base + "/api/calls?parent=-1");
    get(base + "/api/calls?parent=0");
    get(base + "/api/output?from=0&count=200");
    get(base + "/api/timeline?buckets=700");
    String step0 = get(base + "/api/step?n=0");
    Matcher path = Pattern.compile("\"path\":\"([^\"]+)\"").matcher(step0);
    path.find();
    get(base + "/api/source?path=" + URLEncoder.encode(path.group(1), StandardCharsets.UTF_8));
    System.out.printf("RESULT open %.3f s wall, %.3f s CPU of this process (server up, page and its first 9 requests"
        + " answered; load average %.1f)%n", seconds(start), (cpuNanos() - startCpu) / 1e9, loadAverage());

    VERBOSE = false;
    int steps = viewer.index().orElseThrow().stepCount();
    Random random = new Random(42);
    for (String move : List.of("forward", "back", "over", "over-back", "out", "out-back", "line-back", "failure")) {
      List<Double> millis = new ArrayList<>();
      long moveCpu = cpuNanos();
      for (int i = 0; i < SAMPLES; i++) {
        int from = random.nextInt(steps);
        long t = System.nanoTime();
        String nav = get(base + "/api/nav?from=" + from + "&move=" + move);
        Matcher to = STEP.matcher(nav.substring(nav.indexOf("\"step\"")));
        to.find();
        get(base + "/api/step?n=" + to.group(1));
        millis.add((System.nanoTime() - t) / 1e6);
      }
      Collections.sort(millis);
      System.out.printf("RESULT step %-10s median %6.2f ms  p95 %6.2f ms  max %6.2f ms  CPU %5.2f ms/step  (load %.1f)%n", move,
          millis.get(SAMPLES / 2), millis.get(SAMPLES * 95 / 100), millis.get(SAMPLES - 1),
          (cpuNanos() - moveCpu) / 1e6 / SAMPLES, loadAverage());
    }
    server.close();
    viewer.close();
  }

  private static String get(String url) throws Exception {
    long t = System.nanoTime();
    try {
      return send(url);
    } finally {
      if (VERBOSE) {
        System.err.printf("  %.1f ms %s%n", (System.nanoTime() - t) / 1e6, url.replaceFirst("http://[^/]+", ""));
      }
    }
  }

  private static boolean VERBOSE = true;

  private static String send(String url) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** CPU time of the whole process (all threads, client and server, JIT and GC included). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
