package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.testing.DefaultSigint;
import dev.codetracer.core.testing.Jvm;
import dev.codetracer.core.trace.TraceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code -javaagent:codetracer-agent.jar=...} with no {@code codetracer record} around it. */
class StandaloneAgentIT {
  @Test
  void theAgentAloneWritesACompleteRecordingFolder() {
    SampleRun run = SampleRuns.recorded("samples.Recursion", Jvm.JAVA_17, Samples.Debug.FULL, "");
    RecordingFolder folder = RecordingFolder.open(run.folder());
    TraceMetadata metadata = folder.metadata();
    assertThat(RecordingId.isValid(metadata.recordingId)).isTrue();
    assertThat(metadata.program).endsWith("/bin/java");
    assertThat(metadata.args).contains("samples.Recursion").noneMatch(a -> a.startsWith("-javaagent:"));
    assertThat(metadata.workdir).isEqualTo(Samples.SOURCES.toString());
    assertThat(metadata.backend).isEqualTo("jvm");
    assertThat(metadata.formatVersion).isEqualTo(TraceMetadata.FORMAT_VERSION);
    assertThat(metadata.startTime).isNotNull();
    Path copy = run.folder().resolve("source").resolve(Samples.source("samples.Recursion").toString().substring(1));
    assertThat(copy).exists().hasSameTextualContentAs(Samples.source("samples.Recursion"));
  }

  @Test
  void withoutOutputTheRecordingGoesToTheDataDirectory() throws IOException {
    Path data = Files.createTempDirectory(Files.createDirectories(Samples.WORK.resolve("data")), "xdg");
    List<String> command = SampleRuns.command(Jvm.JAVA_17, "", Samples.Debug.FULL, "samples.Loops");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("XDG_DATA_HOME", data.toString());
    SampleRun run = runWith(builder);
    assertThat(run.exitCode()).isZero();
    Path folder;
    try (Stream<Path> entries = Files.list(data.resolve("codetracer"))) {
      folder = entries.filter(p -> p.getFileName().toString().startsWith("trace-")).findFirst().orElseThrow();
    }
    TraceModel model = Recordings.check(folder);
    assertThat(model.callsOf("samples.Loops.sum")).hasSize(1);
    assertThat(folder.getFileName().toString()).isEqualTo("trace-" + Recordings.metadata(folder).recordingId);
  }

  @Test
  void theApiRecordsBetweenStartAndStopOnTheCallingThread() throws IOException {
    Path kept = SampleRuns.newFolder("api-kept");
    Path dropped = SampleRuns.newFolder("api-dropped");
    SampleRun run = SampleRuns.run(
        SampleRuns.command(Jvm.JAVA_17, "start=api", Samples.Debug.FULL, "samples.ApiRecording", kept.toString(), dropped.toString()),
        null);
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).isEqualTo("active true\n4 9 16 true null\n");
    TraceModel model = Recordings.check(kept);
    List<TraceModel.Call> squares = model.callsOf("samples.ApiRecording.square");
    assertThat(squares).hasSize(1);
    assertThat(squares.get(0).returnValue().map(model::render)).hasValue("9");
    assertThat(Recordings.metadata(kept).testName).isEqualTo("kept");
    // only the methods that ran while recording are defined in it (main's line was logged before)
    assertThat(FunctionIndexFile.read(kept)).extracting(FunctionIndexEntry::name).containsExactly("samples.ApiRecording.square");
    assertThat(dropped).doesNotExist();
  }

  @Test
  void classesLoadedForCodeTracersOwnWorkGetNoProbes() {
    Path folder = SampleRuns.newFolder("api-own-loads");
    SampleRun run = SampleRuns.run(
        SampleRuns.command(Jvm.JAVA_17, "start=api", Samples.Debug.FULL, "samples.ApiOwnLoads", folder.toString()), null);
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).isEqualTo("15\n");
    Recordings.check(folder);
    assertThat(FunctionIndexFile.read(folder)).extracting(FunctionIndexEntry::name)
        .contains("samples.ApiOwnLoads.LoadedByTheProgram.square")
        .noneMatch(name -> name.contains("LoadedByCodeTracer"));
  }

  @Test
  void theMethodThatCallsStartIsRecordedFromTheLineAfterIt() {
    Path stopped = SampleRuns.newFolder("api-stopped-in-method");
    Path returned = SampleRuns.newFolder("api-returned-from-method");
    SampleRun run = SampleRuns.run(
        SampleRuns.command(Jvm.JAVA_17, "start=api", Samples.Debug.FULL, "samples.ApiInMethod", stopped.toString(), returned.toString()),
        null);
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).isEqualTo("a=2\n4 10\n");
    Path source = Samples.source("samples.ApiInMethod");

    TraceModel model = Recordings.check(stopped);
    TraceModel.Call main = model.topLevelCall().children().get(0);
    assertThat(model.topLevelCall().children()).singleElement().isEqualTo(main);
    assertThat(main.function()).isEqualTo("samples.ApiInMethod.main");
    assertThat(main.args()).containsOnlyKeys("args");
    assertThat(model.step(main.firstStep()).line()).as("the line after start").isEqualTo(24);
    assertThat(main.children()).extracting(TraceModel.Call::function).containsExactly("samples.ApiInMethod.twice", "samples.ApiInMethod.twice");
    assertThat(Recordings.valuesAtLine(model, source, 25, "a")).containsExactly("2");
    assertThat(Recordings.valuesAtLine(model, source, 27, "b")).containsExactly("4");
    assertThat(model.output()).singleElement().satisfies(output -> assertThat(model.step(output.step()).line()).isEqualTo(25));
    assertThat(main.returnValue().map(model::render)).as("closed by stop").hasValue("<error: <recording stopped>>");
    assertThat(Recordings.metadata(stopped).extra()).containsEntry("stopped_by_api", true);

    TraceModel second = Recordings.check(returned);
    TraceModel.Call starts = second.topLevelCall().children().get(0);
    assertThat(starts.function()).isEqualTo("samples.ApiInMethod.startsAndReturns");
    assertThat(Recordings.valuesAtLine(second, source, 18, "seed")).as("assigned before start").containsExactly("5");
    assertThat(Recordings.valuesAtLine(second, source, 19, "c")).containsExactly("10");
    assertThat(starts.returnValue().map(second::render)).hasValue("10");
  }

  @Test
  void aRecordingTheJvmExitsInIsKeptAndOneLineSaysWhere() {
    Path folder = SampleRuns.newFolder("api-exit");
    SampleRun run = SampleRuns.run(
        SampleRuns.command(Jvm.JAVA_17, "start=api", Samples.Debug.FULL, "samples.ApiExit", folder.toString()), null);
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.stderr()).isEqualTo("codetracer: the JVM exited while recording exiting; the recording is in " + folder + "\n");
    TraceModel model = Recordings.check(folder);
    assertThat(model.callsOf("samples.ApiExit.half")).singleElement().satisfies(call -> assertThat(call.returnValue().map(model::render)).hasValue("4"));
    assertThat(Recordings.metadata(folder).testName).isEqualTo("exiting");
  }

  @Test
  void aRecordingListsOnlyTheClassesItRanAmongThoseWithoutDebugInformation() {
    Path kept = SampleRuns.newFolder("api-nodebug-kept");
    Path dropped = SampleRuns.newFolder("api-nodebug-dropped");
    SampleRun run = SampleRuns.run(
        SampleRuns.command(Jvm.JAVA_17, "start=api", Samples.Debug.DEFAULT, "samples.ApiRecording", kept.toString(), dropped.toString()),
        null);
    assertThat(run.stdout()).isEqualTo("active true\n4 9 16 true null\n");
    Recordings.check(kept);
    // ApiRecording.Before was loaded, instrumented and run too, but before the recording started
    assertThat(Recordings.metadata(kept).extra().get("classes_without_debug_info")).asList().containsExactly("samples.ApiRecording");
  }

  @Test
  void ctrlCStillLeavesACompleteRecording() throws Exception {
    Path folder = SampleRuns.newFolder("interrupted");
    Path markers = Files.createDirectories(SampleRuns.newFolder("interrupt-markers"));
    Path ready = markers.resolve("ready");
    Path logs = Files.createTempDirectory(Files.createDirectories(Samples.WORK.resolve("logs")), "run");
    Process process =
        new ProcessBuilder(DefaultSigint.command(SampleRuns.command(Jvm.JAVA_17, "output=" + folder, Samples.Debug.FULL, "samples.Spin", ready.toString())))
        .directory(Samples.SOURCES.toFile())
        .redirectOutput(logs.resolve("out").toFile())
        .redirectError(logs.resolve("err").toFile())
        .start();
    try (java.nio.file.WatchService watcher = java.nio.file.FileSystems.getDefault().newWatchService()) {
      markers.register(watcher, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
      while (!Files.exists(ready)) {
        java.nio.file.WatchKey key = watcher.poll(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(key).as("the sample got ready").isNotNull();
        key.pollEvents();
        key.reset();
      }
    }
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(130);
    TraceModel model = Recordings.check(folder);
    assertThat(model.callsOf("samples.Spin.main")).hasSize(1);
    assertThat(Recordings.metadata(folder).extra()).doesNotContainKey("recorder_killed");
  }

  @Test
  void aReaderGoingAwayIsNoticedAsItIsUnrecorded() throws Exception {
    List<String> plain = new java.util.ArrayList<>(List.of(Jvm.JAVA_17.java.toString(), "-cp", Samples.classpath(Samples.Debug.FULL), "samples.ClosedPipe"));
    Path folder = SampleRuns.newFolder("closed-pipe");
    List<String> recorded = SampleRuns.command(Jvm.JAVA_17, "output=" + folder, Samples.Debug.FULL, "samples.ClosedPipe");
    for (List<String> command : List.of(plain, recorded)) {
      SampleRun run = readFirstLineAndGoAway(new ProcessBuilder(command));
      assertThat(run.stdout()).as(String.join(" ", command)).isEqualTo("line 0");
      assertThat(run.stderr()).as(String.join(" ", command)).isEqualTo("the reader went away\n");
      assertThat(run.exitCode()).isZero();
    }
    assertThat(Recordings.check(folder).callsOf("samples.ClosedPipe.main")).hasSize(1);
  }

  /** Runs the command with its output on a pipe this side closes after the first line. */
  private static SampleRun readFirstLineAndGoAway(ProcessBuilder builder) throws Exception {
    Path logs = Files.createTempDirectory(Files.createDirectories(Samples.WORK.resolve("logs")), "run");
    Process process = builder.directory(Samples.SOURCES.toFile()).redirectError(logs.resolve("err").toFile()).start();
    process.getOutputStream().close();
    String first;
    try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      first = out.readLine();
    }
    assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("the program ended").isTrue();
    return new SampleRun(process.exitValue(), first, Files.readString(logs.resolve("err")), null);
  }

  @Test
  void theApiIsHarmlessWithoutTheAgent() {
    Path folder = SampleRuns.newFolder("api-none");
    SampleRun run = SampleRuns.run(
        List.of(Jvm.JAVA_17.java.toString(), "-cp", Samples.classpath(Samples.Debug.FULL) + java.io.File.pathSeparator + Samples.AGENT,
            "samples.ApiRecording", folder.toString(), folder.toString()),
        null);
    assertThat(run.stdout()).isEqualTo("active false\n4 9 16 false null\n");
    assertThat(folder).doesNotExist();
  }

  private static SampleRun runWith(ProcessBuilder builder) throws IOException {
    Path logs = Files.createTempDirectory(Files.createDirectories(Samples.WORK.resolve("logs")), "run");
    Process process = builder.directory(Samples.SOURCES.toFile())
        .redirectOutput(logs.resolve("out").toFile())
        .redirectError(logs.resolve("err").toFile())
        .start();
    try {
      process.getOutputStream().close();
      assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new SampleRun(process.exitValue(), Files.readString(logs.resolve("out")), Files.readString(logs.resolve("err")), null);
  }
}
