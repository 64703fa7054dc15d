package dev.codetracer.junit.rerun;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.codetracer.junit.runner.PartialRun;
import dev.codetracer.junit.runner.RunJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runner's journal ({@link RunJournal}) beside a result file, read back as a {@link
 * PartialRun}: what a rerun JVM that ended without its result file got through.
 */
public final class RunJournalFile {
  private RunJournalFile() {}

  /**
   * @return empty when there is no journal, or not even its header: the JVM never reached the
   *     runner's run (it could not start, or an option stopped it)
   * @throws IOException when the journal cannot be read, or is not one this version reads
   */
  public static Optional<PartialRun> besides(Path resultFile) throws IOException {
    Path journal = RunJournal.besides(resultFile);
    if (!Files.isRegularFile(journal)) {
      return Optional.empty();
    }
    List<Map<String, Object>> lines = lines(journal);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PartialRun.fromJson(lines));
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot read " + journal + ": " + e.getMessage(), e);
    }
  }

  /** The journal's lines, parsed; the last may be cut off by the JVM's end and is then left out. */
  private static List<Map<String, Object>> lines(Path journal) throws IOException {
    List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    List<Map<String, Object>> parsed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        parsed.add(JSON.std.mapFrom(lines.get(i)));
      } catch (IOException e) {
        if (i < lines.size() - 1) {
          throw new IOException("cannot read line " + (i + 1) + " of " + journal + ": " + e.getMessage(), e);
        }
      }
    }
    return parsed;
  }
}
