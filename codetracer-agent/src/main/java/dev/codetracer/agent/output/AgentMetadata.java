package dev.codetracer.agent.output;

import dev.codetracer.core.CodeTracerVersion;
import dev.codetracer.core.jvm.RecordedJvmOptions;
import dev.codetracer.core.jvm.ValueCodeInlining;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.HostFacts;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.TraceMetadata;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The metadata of a recording the agent finishes itself (no {@code codetracer record} around
 * it): what CodeTracer needs ({@code recording_id}, {@code program}, {@code args}, {@code
 * workdir}) and what a user needs, as {@code RecordingSession} writes it.
 */
final class AgentMetadata {
  private AgentMetadata() {}

  static TraceMetadata base(Path folder, String name, Instant start) {
    TraceMetadata metadata = new TraceMetadata();
    metadata.formatVersion = TraceMetadata.FORMAT_VERSION;
    metadata.recordingId = idOf(folder);
    ProcessHandle.Info info = ProcessHandle.current().info();
    metadata.program = info.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    metadata.args = withoutThisAgent(info.arguments().map(Arrays::asList).orElseGet(AgentMetadata::commandFromProperty));
    metadata.workdir = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize().toString();
    metadata.backend = "jvm";
    metadata.recorderName = "codetracer-java jvm";
    metadata.recorderVersion = CodeTracerVersion.get();
    metadata.startTime = start.truncatedTo(ChronoUnit.MILLIS).toString();
    metadata.testName = name;
    HostFacts.fill(metadata);
    return metadata;
  }

  /** The id in a {@code trace-<id>} folder's name (the data directory's default), else a new one. */
  private static String idOf(Path folder) {
    String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
    String prefix = DataDirectory.RECORDING_FOLDER_PREFIX;
    if (name.startsWith(prefix) && RecordingId.isValid(name.substring(prefix.length()))) {
      return name.substring(prefix.length());
    }
    return RecordingId.newId();
  }

  /**
   * The program's command as the user would type it: without the {@code -javaagent:} of this
   * agent, given relative to the working directory or not, nor the compile options launchers add
   * with it ({@link ValueCodeInlining}, {@link RecordedJvmOptions}).
   */
  static List<String> withoutThisAgent(List<String> arguments) {
    return withoutAgent(arguments, thisJar());
  }

  static List<String> withoutAgent(List<String> arguments, String agentJar) {
    List<String> kept = new ArrayList<>(arguments.size());
    for (String argument : arguments) {
      if (!isAgent(argument, agentJar) && !ValueCodeInlining.isOneOf(argument) && !RecordedJvmOptions.isOurs(argument)) {
        kept.add(argument);
      }
    }
    return kept;
  }

  private static boolean isAgent(String argument, String agentJar) {
    String prefix = "-javaagent:";
    if (!argument.startsWith(prefix)) {
      return false;
    }
    if (agentJar == null) {
      return argument.contains("codetracer-agent");
    }
    int options = argument.indexOf('=');
    String jar = argument.substring(prefix.length(), options < 0 ? argument.length() : options);
    try {
      Path given = Path.of(System.getProperty("user.dir")).resolve(jar).toAbsolutePath().normalize();
      return given.equals(Path.of(agentJar).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static String thisJar() {
    try {
      return Path.of(AgentMetadata.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (Exception e) {
      return null;
    }
  }

  private static List<String> commandFromProperty() {
    String command = System.getProperty("sun.java.command", "");
    return command.isBlank() ? List.of() : Arrays.asList(command.split(" "));
  }
}
