package dev.codetracer.core.record;

/**
 * How a recorded program ended.
 *
 * @param exitCode its exit status (for a signal, 128 + the signal number, as shells report it)
 * @param signal the signal's name (e.g. {@code SIGKILL}) when one ended it, else null
 */
public record ProgramExit(int exitCode, String signal) {
  public static ProgramExit exited(int exitCode) {
    return new ProgramExit(exitCode, null);
  }
}
