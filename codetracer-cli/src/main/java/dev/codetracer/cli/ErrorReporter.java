package dev.codetracer.cli;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.record.RecordingLostException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failure as one line, {@code codetracer: error: ...}; the stack trace follows only with
 * {@code --verbose}. A failure we did not foresee says so, and how to see more. A recording lost
 * from a program that failed exits with the program's code, not ours.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean verbose = parseResult.expandedArgs().contains("--verbose");
    if (e instanceof CodeTracerException) {
      err.println("codetracer: error: " + oneLine(e.getMessage()));
    } else {
      err.println(
          "codetracer: internal error: " + oneLine(e.toString())
              + (verbose ? "" : " (run again with --verbose for the stack trace, and please report it)"));
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    if (e instanceof RecordingLostException lost && lost.programExitCode() != 0) {
      return lost.programExitCode();
    }
    return ExitCodes.FAILURE;
  }

  /** Messages from libraries sometimes span lines; an error stays one. */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
