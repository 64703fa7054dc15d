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
 * @param rrExecutableOption how the user gave {@code rrExecutable} ({@code --rr}, {@code
 *     codetracer.rr}...), named in messages about it
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
    String rrExecutableOption,
    boolean systemSources,
    String recorderOptions) {

  /** The command line's option that names rr. */
  public static final String RR_OPTION = "--rr";

  public RecordRequest {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  /** A request whose rr, if any, was given with {@link #RR_OPTION}. */
  public RecordRequest(
      List<String> command,
      Path workdir,
      Path folder,
      Map<String, String> environment,
      TraceFormat format,
      Path rrExecutable,
      boolean systemSources,
      String recorderOptions) {
    this(command, workdir, folder, environment, format, rrExecutable, RR_OPTION, systemSources, recorderOptions);
  }

  public String program() {
    return command.get(0);
  }

  public List<String> args() {
    return command.subList(1, command.size());
  }
}
