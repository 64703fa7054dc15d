package dev.codetracer.viewer.stream;

import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TraceReader;
import java.util.Iterator;

/**
 * A reader's events that closes the reader once it has no more. Callers that stop early leave it
 * to the garbage collector: what it holds is a parser over a positional stream, no descriptor.
 */
final class ClosingIterator implements Iterator<TraceEvent> {
  private final TraceReader reader;

  ClosingIterator(TraceReader reader) {
    this.reader = reader;
  }

  @Override
  public boolean hasNext() {
    boolean more = reader.hasNext();
    if (!more) {
      reader.close();
    }
    return more;
  }

  @Override
  public TraceEvent next() {
    return reader.next();
  }
}
