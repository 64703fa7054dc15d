package dev.codetracer.viewer.stream;

import dev.codetracer.core.trace.InvalidTraceException;
import dev.codetracer.core.trace.TraceEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;

/** {@code trace.bin}: positions are offsets in the decompressed body (the frames one after the other). */
final class BinEventStream implements EventStream {
  private final Path file;
  private final FileChannel channel;
  private final BinBody body;

  private BinEventStream(Path file, FileChannel channel, BinBody body) {
    this.file = file;
    this.channel = channel;
    this.body = body;
  }

  static BinEventStream open(Path file) {
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      return new BinEventStream(file, channel, BinBody.read(channel, file.toString()));
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof InvalidTraceException invalid) {
        throw invalid;
      }
      throw new InvalidTraceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Iterator<TraceEvent> eventsFrom(long position) {
    try {
      return new CborEventIterator(new BodyInputStream(body, position), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public EventBoundaries boundaries() throws IOException {
    return new CborEventBoundaries(new BodyInputStream(body, 0), body.size());
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
