package dev.codetracer.junit.rerun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.junit.runner.PartialRun;
import dev.codetracer.junit.runner.RunJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading back the journal of a rerun JVM that ended without its result file. */
class RunJournalFileTest {
  private static final String HEADER = "{\"format_version\":1,\"recorder\":\"codetracer-agent\"}\n";
  private static final String TEST_ID = "[engine:junit-jupiter]/[class:com.acme.ExitTest]/[method:exits()]";

  @TempDir Path temp;

  private Path journalOf(Path result, String text) throws IOException {
    Files.writeString(RunJournal.besides(result), text);
    return result;
  }

  @Test
  void aLineCutOffByTheJvmsEndIsLeftOut() throws IOException {
    Path result = journalOf(temp.resolve("result.json"),
        HEADER
            + "{\"event\":\"started\",\"unique_id\":\"" + TEST_ID + "\",\"class\":\"com.acme.ExitTest\",\"method\":\"exits\","
            + "\"recording\":\"/out/ExitTest.exits-0c1d2e3f\"}\n"
            + "{\"event\":\"finished\",\"unique_id\":\"" + TEST_ID);

    PartialRun run = RunJournalFile.besides(result).orElseThrow();

    assertThat(run.finished()).isEmpty();
    assertThat(run.unfinished()).singleElement().satisfies(test -> {
      assertThat(test.uniqueId()).isEqualTo(TEST_ID);
      assertThat(test.recording()).isEqualTo(Path.of("/out/ExitTest.exits-0c1d2e3f"));
    });
  }

  @Test
  void noJournalOrNotEvenItsHeaderIsNoPartialRun() throws IOException {
    assertThat(RunJournalFile.besides(temp.resolve("none.json"))).isEmpty();
    assertThat(RunJournalFile.besides(journalOf(temp.resolve("cut.json"), "{\"format_ver"))).isEmpty();
  }

  @Test
  void aJournalOfAnotherFormatIsAnError() throws IOException {
    Path result = journalOf(temp.resolve("result.json"), "{\"format_version\":99}\n");

    assertThatThrownBy(() -> RunJournalFile.besides(result)).isInstanceOf(IOException.class).hasMessageContaining("format_version");
  }
}
