package dev.codetracer.cli;

/** The exit codes of every command (the recorded program's own code is passed through by record). */
public final class ExitCodes {
  public static final int OK = 0;
  /** The operation or the recorded program failed. */
  public static final int FAILURE = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
