package dev.codetracer.cli;

import dev.codetracer.cli.commands.ExportCommand;
import dev.codetracer.cli.commands.FinishCommand;
import dev.codetracer.cli.commands.HostCommand;
import dev.codetracer.cli.commands.ImportCommand;
import dev.codetracer.cli.commands.ListCommand;
import dev.codetracer.cli.commands.RecordCommand;
import dev.codetracer.cli.commands.RmCommand;
import dev.codetracer.cli.commands.RunCommand;
import dev.codetracer.cli.commands.ShowCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code codetracer}: record program runs, and keep, share and open the recordings. */
@Command(
    name = "codetracer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Record program runs for CodeTracer, the time-travelling debugger, and keep, share and open the recordings.",
    footer = {
      "",
      "Recordings live in $XDG_DATA_HOME/codetracer (else ~/.local/share/codetracer), indexed in trace_index.db.",
      "Exit codes: 0 success, 1 failure (record passes the program's own code through), 2 usage error."
    })
public final class CodeTracerCommand implements Callable<Integer> {
  /**
   * The commands, in the order the usage lists them. {@link CodeTracerCli} builds the model of
   * only the one a command line names (picocli's models cost start-up time), or of all of them.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          RecordCommand.class,
          RunCommand.class,
          HostCommand.class,
          ImportCommand.class,
          ExportCommand.class,
          FinishCommand.class,
          ListCommand.class,
          ShowCommand.class,
          RmCommand.class);

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
  boolean verbose;

  @Spec CommandSpec spec;

  /** Without a command: the usage, on stderr, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
