package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.io.SmallDisk;
import dev.codetracer.core.jvm.JvmRecorder;
import dev.codetracer.core.record.ProgramExit;
import dev.codetracer.core.record.RecordingLostException;
import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.Recorders;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import dev.codetracer.core.testing.Jvm;
import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TraceModel;
import dev.codetracer.core.trace.TraceReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code codetracer record -- java ...}: the JVM backend as the CLI's recording session drives it. */
class JvmRecorderIT {
  private final JvmRecorder recorder = new JvmRecorder();

  static {
    System.setProperty(dev.codetracer.core.jvm.AgentJar.PROPERTY, Samples.AGENT.toString());
  }

  private ProgramExit record(List<String> command, Path folder, TraceFormat format, String options) throws Exception {
    Files.createDirectories(folder);
    RecordRequest request = new RecordRequest(command, Samples.SOURCES, folder, System.getenv(), format, null, false, options);
    recorder.checkUsable(request);
    TraceMetadata metadata = new TraceMetadata();
    metadata.formatVersion = TraceMetadata.FORMAT_VERSION;
    metadata.program = command.get(0);
    metadata.args = new ArrayList<>(command.subList(1, command.size()));
    metadata.workdir = Samples.SOURCES.toString();
    ProgramExit exit = recorder.record(request, metadata);
    metadata.exitCode = exit.exitCode();
    metadata.signal = exit.signal();
    TraceMetadataFile.write(folder, metadata);
    return exit;
  }

  private static List<String> java(String... args) {
    List<String> command = new ArrayList<>(List.of(Jvm.JAVA_17.java.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** samples.Halt halts through reflection: from the JDK's code, where no probe sees it (as a SIGKILL). */
  @Test
  void aJvmEndedByRuntimeHaltBeforeTheRecorderWroteAnythingSaysSo() {
    Path folder = SampleRuns.newFolder("halt");
    List<String> command = java("-cp", Samples.classpath(Samples.Debug.FULL), "samples.Halt");
    assertThatThrownBy(() -> record(command, folder, TraceFormat.JSON, null))
        .hasMessageStartingWith("no recording: " + command.get(0) + " exited with code 7 before the JVM recorder wrote anything")
        .hasMessageContaining("Runtime.halt")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aHaltInRecordedCodeLeavesAFinishedRecordingAndPassesItsStatusThrough() throws Exception {
    Path folder = SampleRuns.newFolder("recorder-halt");
    ProgramExit exit = record(java("-cp", Samples.classpath(Samples.Debug.FULL), "samples.DeepHalt"), folder, TraceFormat.JSON, null);
    assertThat(exit).isEqualTo(ProgramExit.exited(3));
    TraceModel model = Recordings.check(folder);
    assertThat(model.standardOutput()).isEqualTo("halting with 3\n");
    assertThat(model.step(model.lastStep()).call().function()).isEqualTo("samples.DeepHalt.c");
    TraceMetadata metadata = RecordingFolder.open(folder).metadata();
    assertThat(metadata.exitCode).isEqualTo(3);
    assertThat(metadata.extra()).as("the agent ended its change log: not cut short as by a SIGKILL").doesNotContainKey("recorder_killed");
  }

  @Test
  void aFullDiskLosesTheRecordingButNotTheProgramsExitCode() throws Exception {
    Path mountPoint = SampleRuns.newFolder("small-disk");
    try (SmallDisk disk = SmallDisk.fullAt(mountPoint)) {
      Path folder = mountPoint.resolve("recording");
      List<String> command = java("-cp", Samples.classpath(Samples.Debug.FULL), "samples.DeepExit");
      assertThatThrownBy(() -> record(command, folder, TraceFormat.JSON, null))
          .isInstanceOfSatisfying(RecordingLostException.class, lost -> assertThat(lost.programExitCode()).isEqualTo(3))
          .hasMessageContaining("No space left on device")
          .hasMessageEndingWith("(the program exited with code 3)");
    }
  }

  @Test
  void aRecursionThatFitsTheStackUnrecordedFitsItRecorded() throws Exception {
    assertThat(SampleRuns.plain("samples.DeepRecursion", Jvm.JAVA_17, Samples.Debug.FULL).exitCode()).isZero();
    Path folder = SampleRuns.newFolder("deep-recursion");
    List<String> command = java("-cp", Samples.classpath(Samples.Debug.FULL), "samples.DeepRecursion");
    // the recorded frames are larger: without the larger stacks this overflowed at about 6,500 levels
    assertThat(record(command, folder, TraceFormat.BIN, null)).isEqualTo(ProgramExit.exited(0));
    assertThat(Recordings.check(folder).callsOf("samples.DeepRecursion.sumTo")).hasSize(8_001);
  }

  @Test
  void theJvmBackendIsChosenForJavaCommands() {
    assertThat(Recorders.installed().choose("auto", java("-cp", "x", "Main")).name()).isEqualTo("jvm");
    assertThat(recorder.handles(List.of("/usr/bin/ls"))).isFalse();
  }

  @Test
  void recordsAClassPathProgramAsJsonAndAsBinaryEqually() throws Exception {
    List<String> command = java("-cp", Samples.classpath(Samples.Debug.FULL), "samples.Recursion");
    Path json = SampleRuns.newFolder("recorder-json");
    Path bin = SampleRuns.newFolder("recorder-bin");
    assertThat(record(command, json, TraceFormat.JSON, null)).isEqualTo(ProgramExit.exited(0));
    assertThat(record(command, bin, TraceFormat.BIN, null)).isEqualTo(ProgramExit.exited(0));

    TraceModel model = Recordings.check(json);
    assertThat(model.callsOf("samples.Recursion.factorial")).hasSize(5);
    assertThat(RecordingFolder.open(bin).payload()).isEqualTo(RecordingFolder.Payload.TRACE_BIN);
    List<TraceEvent> fromJson = TraceReader.readAll(json.resolve("trace.json"));
    List<TraceEvent> fromBin = TraceReader.readAll(bin.resolve("trace.bin"));
    assertThat(fromBin).isEqualTo(fromJson);
    TraceMetadata metadata = RecordingFolder.open(json).metadata();
    assertThat(metadata.language).isEqualTo("java");
    assertThat(metadata.recorderName).isEqualTo("codetracer-java jvm");
    assertThat(metadata.steps).isEqualTo(model.stepCount());
  }

  @Test
  void recordsAJar() throws Exception {
    Path jar = SampleRuns.newFolder("jar").resolveSibling("recursion-" + System.nanoTime() + ".jar");
    writeJar(jar, "samples.Recursion");
    Path folder = SampleRuns.newFolder("recorder-jar");
    assertThat(record(java("-jar", jar.toString()), folder, TraceFormat.JSON, null).exitCode()).isZero();
    TraceModel model = Recordings.check(folder);
    assertThat(model.callsOf("samples.Recursion.factorial")).hasSize(5);
    assertThat(model.paths()).contains(Samples.source("samples.Recursion").toString());
  }

  @Test
  void recordsASingleSourceFileProgram() throws Exception {
    Path folder = SampleRuns.newFolder("recorder-source");
    assertThat(record(java("samples/Loops.java"), folder, TraceFormat.JSON, "maxSteps=1000").exitCode()).isZero();
    TraceModel model = Recordings.check(folder);
    assertThat(model.callsOf("samples.Loops.sum")).hasSize(1);
    assertThat(model.paths()).contains(Samples.source("samples.Loops").toString());
    assertThat(model.standardOutput()).isEqualTo("6 1099511627776 1.5 x true\n");
    int lastStepOfSum = model.callsOf("samples.Loops.sum").get(0).lastStep();
    assertThat(model.variablesAt(lastStepOfSum)).as("compiled with -g beforehand: locals have their names")
        .containsKeys("n", "total");
    assertThat(RecordingFolder.open(folder).metadata().extra()).containsKey("source_file_compiled_with");
  }

  @Test
  void passesTheExitCodeThrough() throws Exception {
    Path folder = SampleRuns.newFolder("recorder-exit");
    ProgramExit exit = record(java("-cp", Samples.classpath(Samples.Debug.FULL), "samples.DeepExit"), folder, TraceFormat.JSON, null);
    assertThat(exit).isEqualTo(ProgramExit.exited(3));
    Recordings.check(folder);
  }

  @Test
  void aKilledJvmStillLeavesAValidRecording() throws Exception {
    Path folder = SampleRuns.newFolder("recorder-killed");
    Path markers = Files.createDirectories(SampleRuns.newFolder("markers"));
    Path ready = markers.resolve("ready");
    List<String> command = java("-cp", Samples.classpath(Samples.Debug.FULL), "samples.Spin", ready.toString());
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      markers.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
      CompletableFuture<ProgramExit> exit = CompletableFuture.supplyAsync(() -> {
        try {
          return record(command, folder, TraceFormat.JSON, null);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      while (!Files.exists(ready)) {
        WatchKey key = watcher.poll(60, TimeUnit.SECONDS);
        assertThat(key).as("the sample got ready").isNotNull();
        key.pollEvents();
        key.reset();
      }
      // Events reach the disk a chunk at a time; the last, partly filled one, once the program
      // waits (the stall watch): wait until the log holds the program's last output.
      Path log = folder.resolve(dev.codetracer.core.jvm.RawLog.FILE_NAME);
      try (WatchService logWatcher = FileSystems.getDefault().newWatchService()) {
        folder.register(logWatcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        while (!Files.exists(log) || !new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1).contains("ready ")) {
          WatchKey key = logWatcher.poll(60, TimeUnit.SECONDS);
          assertThat(key).as("the change log grew").isNotNull();
          key.pollEvents();
          key.reset();
        }
      }
      killSpin();
      assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(new ProgramExit(137, "SIGKILL"));
    } finally {
      killSpin(); // when the test failed before: it would wait forever, holding the build's output
    }
    TraceModel model = Recordings.check(folder);
    // up to where it waited when killed: its last output and the line that waits
    assertThat(model.standardOutput()).startsWith("ready ");
    assertThat(model.stepsAt(Samples.source("samples.Spin").toString(), 15)).hasSize(1);
    assertThat(RecordingFolder.open(folder).metadata().extra()).containsEntry("recorder_killed", true);
  }

  private static void killSpin() {
    try (Stream<ProcessHandle> children = ProcessHandle.current().descendants()) {
      children.filter(p -> p.info().commandLine().orElse("").contains("samples.Spin")).forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static void writeJar(Path jar, String mainClass) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    Path classes = Samples.classes(Samples.Debug.FULL);
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> entries = Files.walk(classes)) {
      for (Path entry : entries.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
        Files.copy(entry, out);
        out.closeEntry();
      }
    }
  }
}
