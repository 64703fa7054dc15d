package dev.codetracer.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.codetracer.agent.values.ValueCapture;
import dev.codetracer.core.jvm.AgentOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkWriterTest {
  @TempDir Path temp;

  /** A value the writer cannot encode: it stands for any failure of the writer's own code. */
  private static final Object UNWRITABLE =
      new Object() {
        @Override
        public String toString() {
          throw new IllegalStateException("cannot be written");
        }
      };

  @Test
  void aWriterThatFailsNeverMakesTheRecordingThreadWait() throws IOException {
    ChunkWriter writer =
        new ChunkWriter(temp.resolve("changes.raw"), new ConcurrentLinkedQueue<>(), new ValueCapture(AgentOptions.parse("")),
            Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
    writer.fact("unwritable", UNWRITABLE);

    Chunk last =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> {
              // many more chunks than the writer has in flight: a dead writer would leave none free
              Chunk chunk = new Chunk();
              for (int i = 0; i < 500; i++) {
                chunk = writer.exchange(chunk);
              }
              return chunk;
            },
            "the recording thread waited for a writer that had failed");

    assertThat(writer.capReached()).as("the recording thread is told to stop logging").isTrue();
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThatThrownBy(() -> writer.finish(last))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the recorder's writer failed")
                .hasMessageContaining("cannot be written"));
  }
}
