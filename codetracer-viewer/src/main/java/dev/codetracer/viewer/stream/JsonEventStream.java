package dev.codetracer.viewer.stream;

import dev.codetracer.core.trace.InvalidTraceException;
import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TraceReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;

/** {@code trace.json}: positions are byte offsets of the events in the file. */
final class JsonEventStream implements EventStream {
  private static final byte[] ARRAY_START = "[".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final FileChannel channel;

  private JsonEventStream(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  static JsonEventStream open(Path file) {
    try {
      return new JsonEventStream(file, FileChannel.open(file, StandardOpenOption.READ));
    } catch (IOException e) {
      throw new InvalidTraceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The core reader, fed with "[" and the file from the event on: it reads the rest of the array
   * as if it started there, and reads no further than it is asked to.
   */
  @Override
  public Iterator<TraceEvent> eventsFrom(long position) {
    InputStream rest = new SequenceInputStream(new ByteArrayInputStream(ARRAY_START), new PositionalInputStream(channel, position));
    return new ClosingIterator(TraceReader.fromJson(rest, file.toString()));
  }

  @Override
  public EventBoundaries boundaries() throws IOException {
    return new JsonEventBoundaries(new PositionalInputStream(channel, 0), channel.size());
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
