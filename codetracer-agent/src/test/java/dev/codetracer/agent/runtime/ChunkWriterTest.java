package dev.codetracer.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.codetracer.agent.values.ValueCapture;
import dev.codetracer.core.jvm.AgentOptions;
import dev.codetracer.core.jvm.RawEvents;
import dev.codetracer.core.jvm.RawLog;
import dev.codetracer.core.jvm.RawLogReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkWriterTest {
  private static final int EVENTS = Chunk.STEPS_ONLY_EVENTS;

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
  void everyEventReadsBackInOrderWhetherEncodedOrCopied() throws Exception {
    Path log = temp.resolve("changes.raw");
    ChunkWriter writer = newWriter(log);
    // values that encode to several bytes each, handed over as fast as arrays are copied: the
    // writer falls behind and copies chunks as they are, then catches up and encodes them
    SplittableRandom random = new SplittableRandom(7);
    long[] pattern = new long[EVENTS];
    for (int i = 0; i < pattern.length; i++) {
      pattern[i] = RawEvents.value(RawEvents.valueMeta(RawEvents.K_INT, i % 5), random.nextInt());
    }
    int chunks = 40;
    Chunk afterBurst =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> {
              Chunk chunk = new Chunk(EVENTS);
              for (int c = 0; c < chunks; c++) {
                fillChunk(chunk, pattern, c);
                chunk = writer.exchange(chunk);
              }
              return chunk;
            });
    List<Long> handedOver = new ArrayList<>();
    Chunk expected = new Chunk(EVENTS);
    for (int c = 0; c < chunks; c++) {
      fillChunk(expected, pattern, c);
      for (int i = 0; i < expected.size; i++) {
        handedOver.add(expected.events[i]);
      }
    }
    // once the writer has caught up, a chunk that encodes well is written at once, and so is the
    // end after it: the thread that copied chunks must end all the same
    awaitEvents(log, handedOver.size());
    long same = RawEvents.value(RawEvents.valueMeta(RawEvents.K_SAME, 1), 0);
    java.util.Arrays.fill(afterBurst.events, 0, 1000, same);
    afterBurst.size = 1000;
    for (int i = 0; i < afterBurst.size; i++) {
      handedOver.add(same);
    }
    Chunk last = writer.exchange(afterBurst);
    awaitEvents(log, handedOver.size());
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> writer.finish(last), "the writer never ended the log");

    List<Long> readBack = eventsIn(log);
    try (RawLogReader reader = new RawLogReader(log)) {
      while (reader.next() != null) {
        // to the end
      }
      assertThat(reader.wasCut()).as("the log has its end record").isFalse();
    }
    assertThat(readBack).hasSameSizeAs(handedOver);
    assertThat(readBack).as("the events, in the order handed over").isEqualTo(handedOver);
    assertThat(recordKinds(log)).as("chunks copied as they are, and chunks encoded").contains(RawLog.RAW_EVENTS, RawLog.EVENTS);
  }

  /** Chunk {@code c}: the pattern from {@code c} on, its first event telling the chunks apart. */
  private static void fillChunk(Chunk chunk, long[] pattern, int c) {
    chunk.size = EVENTS - c;
    System.arraycopy(pattern, c, chunk.events, 0, chunk.size);
    chunk.events[0] = RawEvents.value(RawEvents.valueMeta(RawEvents.K_INT, 0), c);
  }

  private static void awaitEvents(Path log, int count) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          while (eventsIn(log).size() < count) {
            Thread.onSpinWait();
          }
        },
        "the writer never wrote what it was handed");
  }

  /** The events of a change log, as far as it is written. */
  private static List<Long> eventsIn(Path log) throws IOException {
    List<Long> events = new ArrayList<>();
    try (RawLogReader reader = new RawLogReader(log)) {
      RawLogReader.Record record;
      while ((record = reader.next()) != null) {
        if (record instanceof RawLogReader.Events chunk) {
          for (long event : chunk.events()) {
            events.add(event);
          }
        }
      }
    }
    return events;
  }

  /** The kind of each record of a change log, in order. */
  private static List<Byte> recordKinds(Path log) throws IOException {
    List<Byte> kinds = new ArrayList<>();
    try (InputStream file = Files.newInputStream(log); DataInputStream in = new DataInputStream(file)) {
      in.readFully(new byte[RawLog.MAGIC.length]);
      int kind;
      while ((kind = in.read()) >= 0) {
        kinds.add((byte) kind);
        in.skipNBytes(in.readInt());
      }
    }
    return kinds;
  }

  @Test
  void aWriterWhoseWalkFailsNeverMakesTheRecordingThreadWait() {
    ChunkWriter writer = newWriter(temp.resolve("changes.raw"));
    Consumer<Chunk> outputThatHoldsNoBytes =
        chunk -> {
          chunk.events[0] = RawEvents.output(RawEvents.STDOUT);
          chunk.refs[0] = "not bytes";
          chunk.size = 1;
          chunk.refCount = 1;
        };
    assertNeverWaitsAndFails(writer, outputThatHoldsNoBytes, "ClassCastException");
  }

  @Test
  void aWriterThatFailsNeverMakesTheRecordingThreadWait() {
    ChunkWriter writer = newWriter(temp.resolve("changes.raw"));
    writer.fact("unwritable", UNWRITABLE);
    assertNeverWaitsAndFails(writer, chunk -> {}, "cannot be written");
  }

  private static ChunkWriter newWriter(Path log) {
    return new ChunkWriter(log, EVENTS, new ConcurrentLinkedQueue<>(), new ValueCapture(AgentOptions.parse("")),
        Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * Hands the writer many more chunks than it has in flight (a dead writer would leave none free),
   * each filled by {@code fill}, then ends the recording: the writer's failure says {@code cause}.
   */
  private static void assertNeverWaitsAndFails(ChunkWriter writer, Consumer<Chunk> fill, String cause) {
    Chunk last =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> {
              Chunk chunk = new Chunk(EVENTS);
              for (int i = 0; i < 500; i++) {
                fill.accept(chunk);
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
                .hasMessageContaining(cause));
  }
}
