package dev.codetracer.core.jvm;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.CodeTracerVersion;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.io.IoMessages;
import dev.codetracer.core.record.InterruptShield;
import dev.codetracer.core.record.ProgramExit;
import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.RecordingLostException;
import dev.codetracer.core.record.Recorder;
import dev.codetracer.core.record.RecorderUnavailableException;
import dev.codetracer.core.record.SignalNames;
import dev.codetracer.core.record.TerminationRelay;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM backend: records {@code java ... Main}, {@code java -jar app.jar} and {@code java
 * Main.java} by putting {@code -javaagent:<agent jar>=<options>} right after the java executable
 * (with C1 alone and the Parallel collector, {@link RecordedJvmOptions}), and larger thread stacks
 * ({@link RecordedStacks}) after the other launcher options.
 * The program runs with standard input, output and error untouched; afterwards the agent's change
 * log is expanded into the recording ({@link JvmTraceFinisher}), also when the JVM was killed and
 * the agent could not finish it. While it records, the folder holds an {@link UnfinishedRecording}
 * claim, with which {@code codetracer finish} finishes a recording whose {@code record} was killed.
 */
public final class JvmRecorder implements Recorder {
  public static final String NAME = "jvm";
  /** Where a single-file program's classes are compiled to, inside the recording folder while it records. */
  static final String COMPILED_CLASSES = ".codetracer-classes";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean handles(List<String> command) {
    return !command.isEmpty() && isJava(command.get(0));
  }

  static boolean isJava(String program) {
    String name = Path.of(program).getFileName().toString();
    return name.equals("java") || name.equals("java.exe");
  }

  @Override
  public void checkUsable(RecordRequest request) {
    if (!handles(request.command())) {
      throw new RecorderUnavailableException(
          "the jvm backend records Java programs: start the command with `java` (e.g. `codetracer record -- java -cp app.jar Main`)");
    }
    if (AgentJar.locate().isEmpty()) {
      throw new RecorderUnavailableException(
          "this build has no JVM recorder agent; set " + AgentJar.ENVIRONMENT + " to codetracer-agent.jar");
    }
  }

  @Override
  public ProgramExit record(RecordRequest request, TraceMetadata metadata) throws IOException, InterruptedException {
    Path agent = AgentJar.locate().orElseThrow(() -> new RecorderUnavailableException("no JVM recorder agent"));
    Optional<SingleFileProgram> singleFile = SingleFileProgram.of(request.command(), request.workdir());
    Path launcherSourceRoot = singleFile.map(file -> file.sourceRoot(request.workdir())).orElse(null);
    // claimed before anything is written into the folder, so that a record killed at any point
    // leaves a folder codetracer finish knows (its options: as the program will most likely get them)
    try (UnfinishedRecording.Claim claim =
        UnfinishedRecording.claim(request.folder(), metadata, request.format(), agentOptions(request, launcherSourceRoot))) {
      // in the recording folder, not the temporary one: a record killed meanwhile leaves it where
      // codetracer finish removes it
      Path compiled = singleFile.isPresent() ? Files.createDirectories(request.folder().resolve(COMPILED_CLASSES)) : null;
      try {
        List<String> program = request.command();
        Path sourceRoot = null;
        if (singleFile.isPresent()) {
          Optional<SingleFileProgram.Compiled> fromClasses =
              singleFile.get().compile(request.workdir(), request.environment(), compiled.resolve("classes"));
          if (fromClasses.isPresent()) {
            program = fromClasses.get().command();
            // where the launcher prints them: the program's standard error, which it shares with codetracer
            System.err.print(fromClasses.get().compilerMessages());
            System.err.flush();
            sourceRoot = launcherSourceRoot;
            metadata.put("source_file_compiled_with", "javac -g (the source launcher keeps no local variable names)");
          }
        }
        String options = agentOptions(request, sourceRoot);
        List<String> command = RecordedStacks.withRecordedStacks(
            withAgent(program, agent, options, request.environment(), request.workdir()), request.environment());
        return run(request, metadata, command, limits(options), claim);
      } finally {
        if (compiled != null) {
          FileTrees.deleteQuietly(compiled);
        }
      }
    }
  }

  /**
   * Runs the program, then finishes the recording: the stream and the rest from the change log,
   * then the metadata, and only then are the change log and the claim removed, so that a
   * {@code codetracer record} killed at any point leaves a folder {@code codetracer finish} can
   * finish (or a finished one).
   */
  private ProgramExit run(
      RecordRequest request, TraceMetadata metadata, List<String> command, ExpansionLimits limits, UnfinishedRecording.Claim claim)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(request.workdir().toFile()).inheritIO();
    builder.environment().clear();
    builder.environment().putAll(request.environment());
    int status;
    try (InterruptShield ignored = InterruptShield.raise();
        TerminationRelay termination = TerminationRelay.install()) {
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new CodeTracerException("cannot start " + request.program() + ": " + e.getMessage(), e);
      }
      claim.programStarted(process.pid());
      termination.relayTo(process);
      status = process.waitFor();
    }
    if (!Files.isRegularFile(request.folder().resolve(RawLog.FILE_NAME))) {
      claim.finished(); // nothing to finish
      throw new RecordingLostException(
          "no recording: " + request.program() + " exited with code " + status + " before the JVM recorder wrote anything"
              + " (the recorder did not start, see any message above, or the program ended at once by Runtime.halt or a signal)",
          status, null);
    }
    metadata.recorderName = "codetracer-java jvm";
    metadata.recorderVersion = CodeTracerVersion.get();
    ExpansionResult result;
    String signal;
    try (ChangeLog log = JvmTraceFinisher.openLog(request.folder())) {
      result = JvmTraceFinisher.expand(log, request.format(), limits, request.workdir(), metadata);
      signal = status > 128 && result.logWasCut() ? SignalNames.name(status - 128) : null;
      // the session writes the metadata again with what it adds; this one is for a kill before that
      metadata.exitCode = status;
      metadata.signal = signal;
      TraceMetadataFile.write(request.folder(), metadata);
      log.delete();
      claim.finished();
    } catch (IOException e) {
      // the recording is lost, not the program's outcome: say it, since the error replaces the summary
      throw new RecordingLostException(
          "recording failed: " + IoMessages.describe(e) + " (the program exited with code " + status + ")", status, e);
    }
    return new ProgramExit(status, signal, result.outputEndsMidLine());
  }

  /**
   * The agent's options: where and how to write, the user's own options, and the source root of a
   * single source file compiled beforehand (its classes run from elsewhere), where its sources and
   * those of the other files compiled with it are found.
   */
  static String agentOptions(RecordRequest request, Path sourceRoot) {
    StringBuilder options = new StringBuilder();
    options.append("output=").append(AgentOptions.escape(request.folder().toAbsolutePath().toString()));
    options.append(",finish=external");
    options.append(",format=").append(request.format() == TraceFormat.BIN ? "bin" : "json");
    String user = request.recorderOptions();
    if (user != null && !user.isBlank()) {
      options.append(',').append(user);
    }
    if (sourceRoot != null && (user == null || !user.contains("sourcepath="))) {
      options.append(",sourcepath=").append(AgentOptions.escape(sourceRoot.toString()));
    }
    return options.toString();
  }

  /**
   * The command with {@code -javaagent:} right after the java executable, then the options of a JVM
   * started only to be recorded ({@link RecordedJvmOptions}: C1 alone and the Parallel collector
   * unless the program's options or environment choose).
   */
  static List<String> withAgent(List<String> command, Path agent, String options, Map<String, String> environment, Path workdir) {
    List<String> out = new ArrayList<>(command.size() + 5);
    out.add(command.get(0));
    out.add("-javaagent:" + agent + "=" + options);
    out.addAll(RecordedJvmOptions.forRecordedJvm(options, command.subList(1, JavaLauncher.optionsEnd(command)), environment, workdir));
    out.addAll(command.subList(1, command.size()));
    return out;
  }

  /**
   * The caps among the agent options, parsed by the agent's own parser ({@link AgentOptions}); the
   * defaults when they cannot be parsed (the agent has then refused them with its own message).
   */
  static ExpansionLimits limits(String options) {
    try {
      return AgentOptions.parse(options).limits();
    } catch (IllegalArgumentException e) {
      return ExpansionLimits.defaults();
    }
  }
}
