package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmTraceFinisherTest {
  /**
   * What may follow the last check of the cap: a step's events (a Step and two Values), the
   * truncation's Log event and the end of the stream, in JSON.
   */
  private static final long LAST_STEP_BYTES = 512;

  @TempDir Path dir;

  /** A loop whose two locals change at every step: a stream that compresses about as little as a recording does. */
  private static ChangeLogFixture countingLoop(int iterations) {
    ChangeLogFixture log = new ChangeLogFixture().method(0, "main", 3, 0, "i", "sum").probe(0, 0, 3).probe(1, 0, 4, 0, 1);
    log.call(0).step(0);
    for (int i = 0; i < iterations; i++) {
      log.step(1).intValue(0, i).intValue(1, i * 7919);
    }
    return log.ret(0);
  }

  private record Finished(Path stream, TraceMetadata metadata) {}

  private Finished finish(TraceFormat format, long maxBytes) throws IOException {
    Path folder = Files.createTempDirectory(dir, "rec");
    countingLoop(50_000).write(folder.resolve(RawLog.FILE_NAME), true);
    TraceMetadata metadata = new TraceMetadata();
    ExpansionLimits limits = new ExpansionLimits(ExpansionLimits.DEFAULT_MAX_STEPS, ExpansionLimits.DEFAULT_MAX_EVENTS, maxBytes);
    JvmTraceFinisher.finish(folder, format, limits, folder, metadata);
    return new Finished(folder.resolve(format == TraceFormat.BIN ? RecordingFolder.TRACE_BIN : RecordingFolder.TRACE_JSON), metadata);
  }

  @Test
  void maxBytesCapsTheBinaryStreamAsItCapsTheJsonOne() throws IOException {
    for (TraceFormat format : TraceFormat.values()) {
      Finished finished = finish(format, 1024);
      assertThat(Files.size(finished.stream())).as("%s", format).isLessThanOrEqualTo(1024 + LAST_STEP_BYTES);
      assertThat(finished.metadata().truncated).as("%s", format).isTrue();
      assertThat(finished.metadata().truncationReason).isEqualTo("maxBytes (1024 bytes)");
      List<TraceEvent> events = TraceReader.readAll(finished.stream());
      assertThat(events.get(events.size() - 1)).asString().contains("recording truncated at step " + finished.metadata().truncatedAtStep);
    }
  }

  @Test
  void theBinaryStreamEndsJustUnderItsCapNotAFrameUnderIt() throws IOException {
    long cap = 64 << 10;
    Finished finished = finish(TraceFormat.BIN, cap);
    assertThat(Files.size(finished.stream())).isBetween(cap - (8 << 10), cap + LAST_STEP_BYTES);
    assertThat(finished.metadata().truncationReason).isEqualTo("maxBytes (65536 bytes)");
    assertThat(TraceReader.readAll(finished.stream()).stream().filter(TraceEvent.Step.class::isInstance).count())
        .isEqualTo(finished.metadata().truncatedAtStep);
  }
}
