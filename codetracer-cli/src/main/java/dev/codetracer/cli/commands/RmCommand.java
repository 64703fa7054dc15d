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
import picocli.CommandLine.Parameters;

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
  @Parameters(index = "0", paramLabel = "ID", description = "The recording's id, or a unique prefix of it.")
  String id;

  @Override
  public Integer call() {
    LocalRecordings recordings = LocalRecordings.fromEnvironment();
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
}
