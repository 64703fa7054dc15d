package dev.codetracer.cli.console;

import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One line saying what a recording folder holds: its payload, sources and functions. */
public final class RecordingContents {
  private RecordingContents() {}

  public static String describe(RecordingFolder recording) {
    List<String> parts = new ArrayList<>();
    Path folder = recording.path();
    switch (recording.payload()) {
      case RR:
        parts.add("rr/ (packed rr trace, " + HumanSizes.format(RecordingFolder.sizeOf(folder.resolve("rr"))) + ")");
        break;
      default:
        Path stream = recording.eventStream();
        String steps = recording.metadata().steps == null ? "" : ", " + recording.metadata().steps + " steps";
        parts.add(stream.getFileName() + " (" + HumanSizes.format(sizeOf(stream)) + steps + ")");
    }
    recording.sourceRoot().ifPresent(root -> parts.add(folder.relativize(root) + "/ (" + plural(countFiles(root), "source file") + ")"));
    parts.add(FunctionIndexFile.NAME + " (" + plural(FunctionIndexFile.read(folder).size(), "function") + ")");
    parts.add("trace_metadata.json");
    return String.join(", ", parts);
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static long countFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      return 0;
    }
  }
}
