package dev.codetracer.core.trace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of its stream and remembers whether it has ended, to tell a file cut short from
 * a damaged one: Jackson does not always report a cut with a {@code JsonEOFException} (a cut
 * between array entries is a plain parse error), but the error of a cut lies at the very end.
 */
final class EndTrackingInputStream extends FilterInputStream {
  /** A cut inside a UTF-8 sequence is reported up to three bytes before the end. */
  private static final int CUT_CHARACTER_SLACK = 4;

  private boolean ended;
  private long count;

  EndTrackingInputStream(InputStream in) {
    super(in);
  }

  /** Whether a parse error is the end of the stream cutting an event short. */
  boolean isCut(JsonProcessingException error) {
    if (error instanceof JsonEOFException) {
      return true;
    }
    JsonLocation location = error.getLocation();
    return ended && location != null && location.getByteOffset() >= count - CUT_CHARACTER_SLACK;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      ended = true;
    } else {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n < 0) {
      ended = true;
    } else {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count += skipped;
    return skipped;
  }
}
