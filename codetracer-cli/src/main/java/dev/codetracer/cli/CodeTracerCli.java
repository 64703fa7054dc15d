package dev.codetracer.cli;

import dev.codetracer.core.index.IndexDriverPreloader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code codetracer} command. */
public final class CodeTracerCli {
  private CodeTracerCli() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    String named = commandName(args);
    if (named != null) {
      // every command opens the index; its driver's set-up runs while picocli builds the model
      IndexDriverPreloader.startInBackground();
    }
    CommandLine commandLine = new CommandLine(new CodeTracerCommand());
    for (Class<?> subcommand : CodeTracerCommand.SUBCOMMANDS) {
      if (named == null || subcommand.getAnnotation(Command.class).name().equals(named)) {
        commandLine.addSubcommand(subcommand);
      }
    }
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    if (commandLine.getSubcommands().containsKey("record")) {
      commandLine.getSubcommands().get("record").setStopAtPositional(true);
    }
    commandLine.setParameterExceptionHandler(new UsageErrorReporter());
    // every command answers --version, not only the top one
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(new VersionProvider());
    }
    return commandLine.execute(args);
  }

  /** The command the arguments name (the first one that is not an option), when it exists. */
  static String commandName(String... args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        for (Class<?> subcommand : CodeTracerCommand.SUBCOMMANDS) {
          if (subcommand.getAnnotation(Command.class).name().equals(arg)) {
            return arg;
          }
        }
        return null;
      }
    }
    return null;
  }
}
