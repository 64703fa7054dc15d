package dev.codetracer.cli.commands;

import dev.codetracer.cli.RecordingArgument;
import dev.codetracer.cli.console.TerminalProgress;
import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.ArchiveLimits;
import dev.codetracer.core.archive.ImportResult;
import dev.codetracer.core.archive.RecordingImporter;
import dev.codetracer.core.index.LocalRecordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codetracer import ZIP|FOLDER [DIR]}: add a recording to the local index. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Import a recording into the local index.",
      "A zip is unpacked into DIR, by default the zip's path without .zip (trace.zip -> trace/);"
          + " a folder is registered where it is. The recording keeps its id."
    },
    footer = {"", "Examples:", "  codetracer import trace.zip", "  codetracer import trace.zip $TMPDIR/trace"})
public final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ZIP|FOLDER", description = "The archive or recording folder to import.")
  String source;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "Where to unpack a zip.")
  Path target;

  @Option(names = "--force", description = "Replace DIR when it is a recording already (never another kind of folder).")
  boolean force;

  @Option(
      names = "--max-size",
      paramLabel = "BYTES",
      description = "Refuse archives that unpack to more than this (default: 64 GiB).")
  Long maxSize;

  @Option(
      names = "--max-ratio",
      paramLabel = "N",
      description = "Refuse entries that expand more than N times (default: 1000).")
  Long maxRatio;

  @Override
  public Integer call() {
    LocalRecordings recordings = LocalRecordings.fromEnvironment();
    if (!Files.exists(Path.of(source))) {
      throw new CodeTracerException(Path.of(source).toAbsolutePath().normalize() + " does not exist");
    }
    RecordingArgument argument = new RecordingArgument(source);
    ImportResult result;
    if (argument.kind() == RecordingArgument.Kind.FOLDER) {
      if (target != null) {
        throw new CodeTracerException("a folder is imported where it is; DIR applies only to zip archives");
      }
      result = new RecordingImporter(recordings).importFolder(argument.path());
    } else if (argument.kind() == RecordingArgument.Kind.ARCHIVE) {
      ArchiveLimits limits = ArchiveLimits.defaults();
      if (maxSize != null) {
        limits = limits.withMaxTotalBytes(maxSize);
      }
      if (maxRatio != null) {
        limits = limits.withMaxRatio(maxRatio);
      }
      RecordingImporter importer =
          new RecordingImporter(recordings, limits, TerminalProgress.forTerminal("Importing " + source));
      result = importer.importArchive(argument.path(), target, force);
    } else {
      throw new CodeTracerException(source + " does not exist");
    }
    String id = result.recording().recordingId();
    if (result.alreadyIndexed()) {
      System.out.println(
          "recording " + id + " is already in the index, at " + result.recording().folder() + "; nothing was imported");
    } else {
      System.out.println("imported recording " + id + " into " + result.recording().folder());
    }
    System.out.println("open it with: codetracer run " + recordings.shortId(id));
    return 0;
  }
}
