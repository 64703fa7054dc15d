package dev.codetracer.core.record;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to record and how.
 *
 * @param command the program and its arguments, as the user typed them after {@code --}
 * @param workdir where the program runs
 * @param folder the recording folder (exists and is empty when the recorder starts)
 * @param environment the program's environment
 * @param format the event stream format for recorders that write one
 * @param rrExecutable the rr to use, or null to look for it on the PATH
 * @param systemSources copy system headers into {@code source/} too (rr backend)
 * @param recorderOptions extra options for the recorder (the JVM recorder's agent options)
 */
public record RecordRequest(
    List<String> command,
    Path workdir,
    Path folder,
    Map<String, String> environment,
    TraceFormat format,
    Path rrExecutable,
    boolean systemSources,
    String recorderOptions) {

  public RecordRequest {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  public String program() {
    return command.get(0);
  }

  public List<String> args() {
    return command.subList(1, command.size());
  }
}
