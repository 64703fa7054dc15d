package dev.codetracer.cli.commands;

import dev.codetracer.cli.RecordingArgument;
import dev.codetracer.cli.console.RecordingContents;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingJson;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codetracer show ID|FOLDER}: a recording's metadata and contents. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a recording's metadata and what its folder holds.")
public final class ShowCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ID|FOLDER", description = "The recording: an id (prefix) or its folder.")
  String recording;

  @Option(names = "--json", description = "Print trace_metadata.json only, as JSON.")
  boolean json;

  @Override
  public Integer call() {
    RecordingFolder folder = new RecordingArgument(recording).openFolder(LocalRecordings.fromEnvironment());
    String metadata = RecordingJson.toJson(TraceMetadataFile.toJson(folder.metadata()));
    if (json) {
      System.out.println(metadata);
      return 0;
    }
    System.out.println("folder: " + folder.path());
    System.out.println("holds:  " + RecordingContents.describe(folder));
    for (String omission : RecordingContents.omissions(folder)) {
      System.out.println("note:   " + omission);
    }
    System.out.println(metadata);
    return 0;
  }
}
