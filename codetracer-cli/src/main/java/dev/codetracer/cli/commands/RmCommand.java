package dev.codetracer.cli.commands;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.index.IndexedRecording;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.io.FileTrees;
import dev.codetracer.core.io.IoMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code codetracer rm ID}: removes the index row, and the folder only when it lies inside the
 * data directory (codetracer made it); folders elsewhere belong to the user and stay.
 */
@Command(
    name = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Remove a recording from the local index.",
      "Its folder is deleted only when it lies inside the data directory; folders elsewhere are left alone."
    })
public final class RmCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The recording's id, or a unique prefix of it.")
  String id;

  @Option(
      names = "--gone",
      description = "Instead of one recording: remove every index entry whose folder no longer exists (after `mvn clean`, say); no file is touched.")
  boolean gone;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (gone == (id != null)) {
      throw new ParameterException(spec.commandLine(), "give a recording id, or --gone");
    }
    LocalRecordings recordings = LocalRecordings.fromEnvironment();
    if (gone) {
      return removeGone(recordings);
    }
    IndexedRecording row = recordings.resolveId(id);
    boolean deleteFolder = recordings.owns(row.folder()) && Files.isDirectory(row.folder());
    if (deleteFolder) {
      try {
        FileTrees.deleteRecursively(row.folder());
      } catch (IOException e) {
        throw new CodeTracerException("cannot delete " + row.folder() + ": " + IoMessages.describe(e) + "; the index entry is kept", e);
      }
    }
    recordings.remove(row.recordingId());
    System.out.println(
        "removed recording " + row.recordingId()
            + (deleteFolder ? " and its folder " + row.folder() : " from the index; its folder " + row.folder() + " is left as it is"));
    return 0;
  }

  private static int removeGone(LocalRecordings recordings) {
    int removed = 0;
    for (IndexedRecording row : recordings.newest(Integer.MAX_VALUE)) {
      if (!Files.isDirectory(row.folder()) && recordings.remove(row.recordingId())) {
        System.out.println("removed recording " + row.recordingId() + " from the index: its folder " + row.folder() + " is gone");
        removed++;
      }
    }
    System.out.println(removed == 0
        ? "every recording in the index still has its folder"
        : "removed " + removed + (removed == 1 ? " entry" : " entries"));
    return 0;
  }
}
