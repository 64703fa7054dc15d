package dev.codetracer.core.record;

/**
 * How a recorded program ended.
 *
 * @param exitCode its exit status (for a signal, 128 + the signal number, as shells report it)
 * @param signal the signal's name (e.g. {@code SIGKILL}) when one ended it, else null
 * @param outputEndsMidLine the last text it wrote (as recorded) did not end a line: what is
 *     printed after it starts on a line of its own
 */
public record ProgramExit(int exitCode, String signal, boolean outputEndsMidLine) {
  public ProgramExit(int exitCode, String signal) {
    this(exitCode, signal, false);
  }

  public static ProgramExit exited(int exitCode) {
    return new ProgramExit(exitCode, null);
  }
}
