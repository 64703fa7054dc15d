package dev.codetracer.cli.commands;

import dev.codetracer.cli.console.RecordingSummary;
import dev.codetracer.cli.console.ShellWords;
import dev.codetracer.cli.console.TerminalProgress;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.record.ExportFolder;
import dev.codetracer.core.record.ProgramEnvironment;
import dev.codetracer.core.record.Recorders;
import dev.codetracer.core.record.RecordingSession;
import dev.codetracer.core.record.TraceFormat;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codetracer record [options] [--] program args...}: record one run of a program. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Record a run of a program: instead of `program args...` run `codetracer record program args...`.",
      "Java programs (`java ... Main`, `java -jar app.jar`, `java Main.java`) are recorded at source level by the JVM"
          + " recorder; native programs by rr. The program's output and exit code pass through unchanged."
    },
    footer = {
      "",
      "Examples:",
      "  codetracer record -- java -cp target/classes com.acme.Main arg1",
      "  codetracer record -e failure.zip -- java -jar app.jar",
      "  codetracer record --backend rr -- ./a.out",
      "",
      "If codetracer record is killed before it finished a JVM recording, `codetracer finish` finishes it."
    })
public final class RecordCommand implements Callable<Integer> {
  @Option(
      names = {"-o", "--output-folder"},
      paramLabel = "DIR",
      description = "Store the recording in DIR (must be new or empty). Default: the data directory, trace-<id>.")
  Path outputFolder;

  @Option(names = {"-e", "--export"}, paramLabel = "ZIP", description = "Also export the recording to this zip file.")
  Path exportZip;

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      defaultValue = Recorders.AUTO,
      description = "auto (default: picks by program), jvm or rr.")
  String backend;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description = "Event stream of the JVM recorder: json (trace.json, default) or bin (trace.bin, far smaller).")
  TraceFormat format;

  @Option(names = "--rr", paramLabel = "PATH", description = "The rr executable to use (default: $CODETRACER_RR, else rr on the PATH).")
  Path rr;

  @Option(names = "--no-system-sources", description = "rr backend: do not copy system headers into source/.")
  boolean noSystemSources;

  @Option(
      names = "--recorder-options",
      paramLabel = "OPTIONS",
      description = "JVM recorder options, comma-separated as for the agent (e.g. includes=com.acme.*,depth=3).")
  String recorderOptions;

  @Option(names = "--no-index", description = "Do not add the recording to the local index.")
  boolean noIndex;

  @Parameters(arity = "1..*", paramLabel = "PROGRAM", description = "The program to record, and its arguments.")
  List<String> command;

  @Override
  public Integer call() throws InterruptedException {
    LocalRecordings recordings = LocalRecordings.fromEnvironment();
    RecordingSession session =
        new RecordingSession(Recorders.installed(), recordings, TerminalProgress.forTerminal("Exporting"));
    RecordingSession.Options options =
        new RecordingSession.Options(
            backend,
            outputFolder,
            exportZip,
            ExportFolder.fromEnvironment().orElse(null),
            format,
            rr,
            !noSystemSources,
            recorderOptions,
            !noIndex);
    Map<String, String> environment = new HashMap<>(System.getenv());
    ProgramEnvironment.restoreJvmOptions(environment);
    RecordingSession.Result result = session.record(command, Path.of("").toAbsolutePath(), environment, options);
    report(result, System.err);
    return result.exit().exitCode();
  }

  private void report(RecordingSession.Result result, PrintStream out) {
    String how =
        result.exit().signal() != null
            ? "killed by " + result.exit().signal()
            : "exit code " + result.exit().exitCode();
    String id = result.folder().metadata().recordingId;
    if (result.exit().outputEndsMidLine()) {
      out.println(); // the summary on a line of its own, after output that did not end one
    }
    out.printf(
        "codetracer: recorded `%s` (%s) in %.1f s%n",
        ShellWords.join(command), how, result.duration().toMillis() / 1000.0);
    RecordingSummary.print(out, result.folder(), List.of(), result.indexed() != null, result.exports());
    for (String warning : result.warnings()) {
      out.println("codetracer: warning: " + warning);
    }
    out.println("  open it:   codetracer run " + (result.indexed() == null ? result.folder().path() : LocalRecordings.fromEnvironment().shortId(id)));
  }
}
