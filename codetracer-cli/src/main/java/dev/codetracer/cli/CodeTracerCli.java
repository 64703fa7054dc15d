package dev.codetracer.cli;

import picocli.CommandLine;

/** Entry point of the {@code codetracer} command. */
public final class CodeTracerCli {
  private CodeTracerCli() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new CodeTracerCommand());
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.getSubcommands().get("record").setStopAtPositional(true);
    commandLine.setParameterExceptionHandler(new UsageErrorReporter());
    return commandLine.execute(args);
  }
}
