package dev.codetracer.junit.rerun;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.codetracer.junit.runner.PartialRun;
import dev.codetracer.junit.runner.RunJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    List<Map<String, Object>> lines = PartialRun.parsedLines(journal, JSON.std::mapFrom);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PartialRun.fromJson(lines));
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot read " + journal + ": " + e.getMessage(), e);
    }
  }
}
