package dev.codetracer.agent.runtime;

import dev.codetracer.core.jvm.EventCodec;
import dev.codetracer.core.jvm.RawDefinition;
import dev.codetracer.core.jvm.ValueEncoder;
import java.util.List;

/**
 * A chunk made ready for the change log by the {@link ChunkWriter}, for the {@link LogAppender}:
 * the definitions to write first, then the events, encoded by {@link #codec} or, when the writer
 * is behind, the chunk itself to be copied as it is, and the values they refer to. Or the end of
 * the log, after its last definitions.
 */
final class PreparedChunk {
  /** The writer failed: the log ends where it is, without its end record. */
  static final PreparedChunk ABANDON = new PreparedChunk(null, null);

  final EventCodec codec;
  final ValueEncoder values;
  List<RawDefinition> definitions = List.of();
  /** The chunk to copy as it is, or null when {@link #codec} holds its events. */
  Chunk copied;
  int events;
  boolean endsLog;

  PreparedChunk() {
    this(new EventCodec(), new ValueEncoder(1 << 16));
  }

  private PreparedChunk(EventCodec codec, ValueEncoder values) {
    this.codec = codec;
    this.values = values;
  }

  void clear() {
    definitions = List.of();
    copied = null;
    events = 0;
    endsLog = false;
    values.reset();
  }
}
