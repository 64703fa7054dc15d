package dev.codetracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codetracer.core.jvm.RawLog;
import dev.codetracer.core.jvm.UnfinishedRecording;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingJson;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TracePathsFile;
import dev.codetracer.core.trace.TraceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codetracer record} killed by SIGKILL after the program's JVM logged its run: the folder
 * is left unfinished, the commands that need a recording say how to finish it, and {@code
 * codetracer finish} makes the recording {@code record} would have made, once nothing records into
 * the folder any more.
 */
class FinishIT {
  /** Logs a few steps, says it is ready (its pid, in a file), and waits until it is ended. */
  private static final String WAITER = """
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.nio.file.StandardCopyOption;

      public class Waiter {
        public static void main(String[] args) throws Exception {
          int total = 0;
          for (int i = 0; i < 3; i++) {
            total += i;
          }
          System.out.println("waiting " + total);
          Files.writeString(Path.of("ready.tmp"), Long.toString(ProcessHandle.current().pid()));
          Files.move(Path.of("ready.tmp"), Path.of("ready"), StandardCopyOption.ATOMIC_MOVE);
          Thread.currentThread().join();
        }
      }
      """;
  private static final int LOOP_BODY_LINE = 9;
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path sandbox;
  private final List<ProcessHandle> started = new ArrayList<>();

  @AfterEach
  void endWhatIsLeft() {
    // a failed test must not leave a JVM waiting forever
    started.forEach(ProcessHandle::destroyForcibly);
  }

  private CliProcess cli() {
    return CliProcess.in(sandbox).workdir(sandbox);
  }

  /** The record running, its program ready and waiting. */
  private record Recording(CompletableFuture<CliProcess.Result> record, ProcessHandle cli, ProcessHandle program) {}

  /** Starts {@code codetracer record [args] -- java Waiter.java} and waits until the program waits. */
  private Recording startRecording(List<String> recordArgs) throws Exception {
    Files.writeString(sandbox.resolve("Waiter.java"), WAITER);
    List<String> args = new ArrayList<>(List.of("record"));
    args.addAll(recordArgs);
    args.addAll(List.of("--", "java", "Waiter.java"));
    CompletableFuture<CliProcess.Result> record = CompletableFuture.supplyAsync(() -> cli().timeout(WAIT.multipliedBy(2)).run(args));
    Path ready = sandbox.resolve("ready");
    awaitIn(sandbox, () -> Files.exists(ready) || record.isDone(), "the program got ready");
    assertThat(ready).as("the program got ready (the record ended: %s)", record.isDone() ? record.join() : "").exists();
    ProcessHandle program = ProcessHandle.of(Long.parseLong(Files.readString(ready))).orElseThrow();
    started.add(program);
    ProcessHandle cli = program.parent().orElseThrow();
    started.add(cli);
    assertThat(cli.info().commandLine().orElse("")).as("the program's parent is the CLI").contains("codetracer.jar", "record");
    return new Recording(record, cli, program);
  }

  /** Waits, watching the folder, until the condition holds (or fails the test after {@link #WAIT}). */
  private static void awaitIn(Path folder, BooleanSupplier condition, String what) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (!condition.getAsBoolean()) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        assertThat(left).as("waited %s for: %s", WAIT, what).isPositive();
        // a change in the folder, or every second for what it does not see (the record ending)
        WatchKey key = watcher.poll(Math.min(left, 1000), TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
  }

  /** The folder holds the change log, with the program's output in it (what the agent logged while it waits). */
  private static void awaitLogged(Path folder, String output) throws Exception {
    Path log = folder.resolve(RawLog.FILE_NAME);
    awaitIn(folder, () -> logHolds(log, output), "the change log to hold \"" + output + "\"");
  }

  private static boolean logHolds(Path log, String text) {
    try {
      return Files.exists(log) && new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private static void kill(ProcessHandle process) throws Exception {
    process.destroyForcibly(); // SIGKILL
    process.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Opens and validates the folder and its stream, as every recording of the tests is. */
  private static TraceModel check(Path folder) {
    RecordingFolder recording = RecordingFolder.open(folder);
    assertThat(folder.resolve(RawLog.FILE_NAME)).as("the change log is removed once finished").doesNotExist();
    assertThat(folder.resolve(UnfinishedRecording.FILE_NAME)).as("the claim is removed once finished").doesNotExist();
    TraceModel model = TraceModel.load(recording.eventStream());
    assertThat(TracePathsFile.read(folder)).isEqualTo(model.paths());
    assertThat(FunctionIndexFile.read(folder)).extracting(dev.codetracer.core.recording.FunctionIndexEntry::name).contains("Waiter.main");
    return model;
  }

  private JsonNode listed() throws Exception {
    return new ObjectMapper().readTree(cli().run("list", "--json").succeeded().stdout());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> claimedMetadata(Path folder) {
    Map<String, Object> claim = (Map<String, Object>) RecordingJson.parse(folder.resolve(UnfinishedRecording.FILE_NAME));
    return (Map<String, Object>) claim.get("metadata");
  }

  @Test
  void aRecordKilledWhileItsProgramRanIsFinishedOnceNothingRecordsAndThenListed() throws Exception {
    Path folder = sandbox.resolve("recording");
    Recording recording = startRecording(List.of("-o", folder.toString()));
    awaitIn(folder, () -> Files.exists(folder.resolve(RawLog.FILE_NAME)), "the change log");
    Map<String, Object> claimed = claimedMetadata(folder);
    String id = (String) claimed.get("recording_id");

    // record is alive: nothing is finished under it, and the commands say what the folder is
    assertThat(cli().run("finish", folder.toString()).errorLine()).isEqualTo(
        "codetracer: error: " + folder + " is still being recorded: `codetracer record` (pid " + recording.cli().pid()
            + ") is running, and finishes the recording itself");
    String remedy = "codetracer: error: " + folder + " holds an unfinished recording (`codetracer record` is still recording"
        + " it, or was stopped before it finished it); finish it with `codetracer finish " + folder + "`";
    assertThat(cli().run("import", folder.toString()).errorLine()).isEqualTo(remedy);

    kill(recording.cli());
    assertThat(recording.record().get(WAIT.toSeconds(), TimeUnit.SECONDS).exitCode()).isEqualTo(128 + 9);
    assertThat(recording.program().isAlive()).as("the program outlives its record").isTrue();
    assertThat(cli().run("run", folder.toString()).errorLine()).isEqualTo(remedy);
    assertThat(listed()).isEmpty();

    // the program still runs and holds its change log: nothing is finished under it either
    List<String> before = Sandbox.snapshot(folder).keySet().stream().toList();
    assertThat(cli().run("finish", folder.toString()).errorLine()).isEqualTo(
        "codetracer: error: " + folder + " is still being recorded: the recorded JVM is still running (it holds trace.raw),"
            + " or another codetracer is finishing it; finish it once the program has ended");
    assertThat(Sandbox.snapshot(folder).keySet()).containsExactlyElementsOf(before);

    // the single-file program's classes are in the folder, not left in the temporary one
    assertThat(folder.resolve(".codetracer-classes")).isDirectory();

    recording.program().destroy(); // SIGTERM: it ends as it would unrecorded, and the agent ends its log
    recording.program().onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    Path zip = sandbox.resolve("kept.zip");
    CliProcess.Result finished = cli().run("finish", folder.toString(), "-e", zip.toString()).succeeded();
    assertThat(folder.resolve(".codetracer-classes")).doesNotExist();
    assertThat(finished.stdout()).contains("\n  exported:  " + zip + "\n");
    try (java.util.zip.ZipFile exported = new java.util.zip.ZipFile(zip.toFile())) {
      assertThat(exported.stream().map(java.util.zip.ZipEntry::getName)).anyMatch(name -> name.endsWith("trace_metadata.json"));
    }

    assertThat(finished.stdout()).startsWith("codetracer: finished the recording of `java Waiter.java` (started ")
        .contains("\n  recording: " + folder + "\n", "\n  id:        " + id + "\n", "\n  open it:   codetracer run ");
    TraceModel model = check(folder);
    assertThat(model.standardOutput()).isEqualTo("waiting 3\n");
    assertThat(model.stepsAt(sandbox.resolve("Waiter.java").toString(), LOOP_BODY_LINE)).hasSize(3);
    TraceMetadata metadata = RecordingFolder.open(folder).metadata();
    assertThat(metadata.recordingId).isEqualTo(id);
    assertThat(metadata.program).isEqualTo("java");
    assertThat(metadata.args).containsExactly("Waiter.java");
    assertThat(metadata.workdir).isEqualTo(sandbox.toString());
    assertThat(metadata.startTime).isNotNull().isEqualTo(claimed.get("start_time"));
    assertThat(metadata.steps).isEqualTo(model.stepCount());
    assertThat(metadata.extra()).containsKey(UnfinishedRecording.FINISHED_LATER)
        .doesNotContainKeys("recorder_killed", UnfinishedRecording.COMMAND_UNKNOWN);
    assertThat(folder.resolve("source").resolve(sandbox.toString().substring(1)).resolve("Waiter.java")).hasContent(WAITER);
    assertThat(listed()).singleElement().satisfies(row -> {
      assertThat(row.get("recording_id").asText()).isEqualTo(id);
      assertThat(row.get("folder").asText()).isEqualTo(folder.toString());
    });

    // once more: it is finished, and in the index
    assertThat(cli().run("finish", folder.toString()).succeeded().stdout())
        .startsWith("codetracer: " + folder + " holds a finished recording already; it is in the index\n");
  }

  @Test
  void aRecordKilledWithItsProgramIsFinishedUpToWhereTheLogEndsByFinishWithoutArguments() throws Exception {
    Recording recording = startRecording(List.of());
    Path data = CliProcess.dataDirectory(sandbox);
    Path folder;
    try (Stream<Path> folders = Files.list(data)) {
      folder = folders.filter(path -> path.getFileName().toString().startsWith("trace-")).findFirst().orElseThrow();
    }
    // events reach the log a chunk at a time, the last one once the program waits (the stall watch)
    awaitLogged(folder, "waiting 3");
    kill(recording.cli());
    recording.record().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    kill(recording.program());

    CliProcess.Result finished = cli().run("finish").succeeded();

    assertThat(finished.stdout()).startsWith("codetracer: finished the recording of `java Waiter.java`")
        .contains("\n  recording: " + folder + "\n",
            "\n  note:      the program was killed too: the recording ends where its change log does\n");
    TraceModel model = check(folder);
    assertThat(model.standardOutput()).isEqualTo("waiting 3\n");
    assertThat(model.stepsAt(sandbox.resolve("Waiter.java").toString(), LOOP_BODY_LINE)).hasSize(3);
    assertThat(RecordingFolder.open(folder).metadata().extra())
        .containsEntry("recorder_killed", true).containsKey(UnfinishedRecording.FINISHED_LATER);
    assertThat(listed()).singleElement()
        .satisfies(row -> assertThat(row.get("folder").asText()).isEqualTo(folder.toString()));
    assertThat(cli().run("finish").succeeded().stdout()).isEqualTo("codetracer: no unfinished recordings in " + data + "\n");
  }

  @Test
  void theCommandsThatNeedARecordingNameTheRemedyForAnUnfinishedOne() throws Exception {
    Path folder = Files.createDirectories(sandbox.resolve("left"));
    Files.write(folder.resolve(RawLog.FILE_NAME), RawLog.MAGIC);
    String remedy = "codetracer: error: " + folder + " holds an unfinished recording (`codetracer record` is still recording"
        + " it, or was stopped before it finished it); finish it with `codetracer finish " + folder + "`";

    for (String command : List.of("import", "run", "show", "export", "host")) {
      assertThat(cli().run(command, folder.toString()).errorLine()).as(command).isEqualTo(remedy);
    }
    Path zip = sandbox.resolve("left.zip");
    ZipBuilder archive = new ZipBuilder();
    archive.add(RawLog.FILE_NAME, RawLog.MAGIC);
    archive.write(zip);
    assertThat(cli().run("import", zip.toString()).errorLine()).isEqualTo(
        "codetracer: error: " + zip + " holds an unfinished recording (trace.raw and no trace_metadata.json): unpack it"
            + " into a folder and finish it with `codetracer finish FOLDER`");
    assertThat(Sandbox.snapshot(folder)).containsOnlyKeys(RawLog.FILE_NAME);
  }
}
