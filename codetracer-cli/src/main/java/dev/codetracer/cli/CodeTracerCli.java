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
    // every command answers --version, not only the top one
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(new VersionProvider());
    }
    return commandLine.execute(args);
  }
}
